import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import type { DateTime } from "luxon";
import { legacyId } from "../../build/publish/redirects.ts";
import { prepareLegacyMarkup } from "./legacy-markup.ts";
import { BLOCK, bodyToBlocks, decodeSafe, isElement, type Block, type NodeRange } from "./html-to-markdown.ts";
import { detectAndConvert, legacyWarning } from "./legacy-text.ts";
import { isAuthor, parsePostedAt } from "./parse-export.ts";

/** A message about one saved page; `line` is the line in the saved HTML where it applies, when known. */
export interface PageNote {
  line?: number;
  message: string;
}

/** A file or image an article refers to, as written in the old page. */
export interface PageRef {
  kind: "image" | "file";
  href: string;
  line?: number;
}

/** A link to another page of the old site (or an absolute link that may be one). */
export interface ArticleLink {
  id: string;
  href: string;
  absolute: boolean;
  line?: number;
}

export interface SavedArticle {
  kind: "article";
  /** Old address, e.g. /i2101-trien-khai.aspx or /mobile.aspx?id=2101. */
  address: string;
  id?: string;
  mobile: boolean;
  breadcrumb: string[];
  title: string;
  date: DateTime;
  author?: string;
  /** Figures and links point at `legacy-ref:N` (refs) and `legacy-link:N` (links). */
  blocks: Block[];
  refs: PageRef[];
  links: ArticleLink[];
  notes: PageNote[];
  /** How the body was found: the old layout's markers, or Readability as the fallback. */
  extractor: "layout" | "readability";
}

export type SavedPage =
  | SavedArticle
  | { kind: "skipped"; address: string; id?: string; mobile: boolean; reason: string }
  | { kind: "failed"; line?: number; message: string };

const POSTED = /\(\s*Đăng lúc\s*:[^)]*\)/i;
const CRUMB_SEPARATOR = /\s*(?:>>|»|›)\s*/;
/** Headings that close an article's body in the old layout. */
const END_MARKERS = new Set(["CÁC TIN KHÁC", "TIN KHÁC", "CÁC TIN ĐÃ ĐƯA", "CÁC TIN ĐÃ ĐĂNG", "TIN CÙNG CHUYÊN MỤC", "CÁC TIN CŨ HƠN", "TIN LIÊN QUAN"]);
const ERROR_PAGE = /server error in|runtime error|resource cannot be found|\b404\b|not found|không tồn tại|không tìm thấy|trang lỗi|đã xảy ra lỗi/i;
const FILE_LINK = /\.(pdf|docx?|xlsx?|pptx?|odt|ods|odp)$/i;
const MAX_TITLE = 300;

interface TextBlock {
  text: string;
  first: number;
  last: number;
}

/**
 * A crawler's local name → the old address: `mobile.aspx@id=1.html` and `mobile.aspx?id=1.html`
 * (wget's --restrict-file-names and --adjust-extension) → `mobile.aspx?id=1`; `x.aspx.html` → `x.aspx`.
 */
export function undoSavedName(path: string): string {
  let p = path.replace(/\.html?$/i, (ext, at: number) => (/\.aspx?$|[?@][^/]*$/i.test(path.slice(0, at)) ? "" : ext));
  p = p.replace(/^([^?@]*\.aspx?)@/i, "$1?");
  return p;
}

const OLD_ORIGIN = "http://old.invalid";

/** The old address of a page: its form's action (ASP.NET posts back to itself), else its saved name. */
function pageAddress(document: Document, rel: string): string {
  const fromFile = new URL(undoSavedName(rel.split("/").map(encodeURIComponent).join("/").replace(/%40/g, "@").replace(/%3F/gi, "?")), `${OLD_ORIGIN}/`);
  const action = document.querySelector("form[action]")?.getAttribute("action")?.trim();
  const url = action && !action.startsWith("#") && !/^javascript:/i.test(action) ? new URL(undoSavedName(action), fromFile) : fromFile;
  return decodeSafe(url.pathname) + url.search;
}

/** Line of the first occurrence of any of the needles in the raw HTML. */
export function lineOf(raw: string, ...needles: string[]): number | undefined {
  for (const needle of needles) {
    if (!needle) continue;
    const at = raw.indexOf(needle);
    if (at >= 0) {
      let line = 1;
      for (let i = raw.indexOf("\n"); i >= 0 && i < at; i = raw.indexOf("\n", i + 1)) line++;
      return line;
    }
  }
  return undefined;
}

/** Parse one saved page of the old site: an article with its fields and body, or why it is not one. */
export function parseSavedPage(raw: string, rel: string): SavedPage {
  const { document } = parseHTML(raw) as unknown as { document: Document };
  const address = pageAddress(document, rel);
  const id = legacyId(address);
  const mobile = /^\/mobile(?:\.aspx|\/)/i.test(address);
  const notes: PageNote[] = [];
  const keptLegacy = prepareLegacyMarkup(document, (message, needle) => notes.push({ line: lineOf(raw, needle), message }));

  const { blocks, order } = textBlocks(document);
  // Dates in "Các tin khác" (after its heading) belong to other articles.
  const isEnd = (b: TextBlock) => END_MARKERS.has(b.text.toLocaleUpperCase("vi").replace(/[:.]$/, ""));
  const firstEnd = blocks.findIndex(isEnd);
  const posted = blocks.filter((b, i) => POSTED.test(b.text) && (firstEnd < 0 || i < firstEnd));
  const skip = (reason: string): SavedPage => ({ kind: "skipped", address, ...(id ? { id } : {}), mobile, reason });
  const heading = [document.title, ...[...document.querySelectorAll("h1, h2")].map((h) => h.textContent ?? "")].join(" ");
  if (posted.length === 0 && ERROR_PAGE.test(heading)) return skip("trang báo lỗi");
  if (posted.length !== 1) {
    if (document.querySelector("textarea") || /liên hệ/i.test(document.title)) return skip("trang liên hệ");
    const articleLinks = [...document.querySelectorAll("a[href]")].filter((a) => legacyId(new URL(undoSavedName(a.getAttribute("href")!), `${OLD_ORIGIN}/`).pathname));
    if (/^\/(?:default\.aspx|index\.html?|mobile\.aspx)?$/i.test(new URL(address, OLD_ORIGIN).pathname)) return skip("trang chủ");
    if (posted.length > 1 || articleLinks.length >= 3) return skip("trang danh sách tin của một chuyên mục");
    return skip("không phải bài viết: trang không có dòng “(Đăng lúc: …)”");
  }

  const dateIndex = blocks.indexOf(posted[0]!);
  const line = lineOf(raw, "Đăng lúc", "Đăng lúc".normalize("NFD"));
  const postedText = POSTED.exec(posted[0]!.text)![0];
  const date = parsePostedAt(postedText);
  if (typeof date === "string") return { kind: "failed", line, message: date };
  const titleIndex = blocks.findIndex((b, i) => i > dateIndex && /[\p{L}\p{N}]/u.test(b.text));
  const titleBlock = blocks[titleIndex];
  if (!titleBlock || titleBlock.text.length > MAX_TITLE) {
    return { kind: "failed", line, message: "không thấy tiêu đề bài ngay sau dòng “(Đăng lúc: …)”" };
  }
  const breadcrumb = findBreadcrumb(blocks, dateIndex);
  if (!breadcrumb) return { kind: "failed", line, message: "không thấy dòng chuyên mục (“Tin hoạt động >> Liên hiệp Hội”) trước dòng “(Đăng lúc: …)”" };
  const title = convertIfLegacy(titleBlock.text, notes, lineOf(raw, titleBlock.text));

  const refs: PageRef[] = [];
  const links: ArticleLink[] = [];
  const pageUrl = new URL(address, OLD_ORIGIN);
  const hooks = {
    link(href: string): string | null {
      if (/^mailto:/i.test(href)) return href;
      let url: URL;
      try {
        url = new URL(undoSavedName(href), pageUrl);
      } catch {
        return null;
      }
      const absolute = url.origin !== OLD_ORIGIN;
      const target = decodeSafe(url.pathname) + url.search;
      const linkId = legacyId(target);
      if (linkId) return `legacy-link:${links.push({ id: linkId, href, absolute, line: lineOf(raw, `"${href}"`, href) }) - 1}`;
      if (FILE_LINK.test(url.pathname)) return `legacy-ref:${refs.push({ kind: "file", href, line: lineOf(raw, `"${href}"`, href) }) - 1}`;
      if (absolute && /^https?:$/.test(url.protocol)) return url.href;
      // Another page of the old site that is not an article (a category, the home page): keep the words.
      return null;
    },
  };

  let body: Block[] = [];
  let extractor: SavedArticle["extractor"] = "layout";
  const endIndex = blocks.findIndex((b, i) => i > titleIndex && isEnd(b));
  if (endIndex > 0) {
    const range: NodeRange = { order, start: titleBlock.last, end: blocks[endIndex]!.first };
    body = bodyToBlocks(document.body, hooks, range);
  }
  if (body.length === 0) {
    // Not the desktop layout (the mobile copy, a changed template): Readability finds the main content.
    extractor = "readability";
    refs.length = 0;
    links.length = 0;
    const result = new Readability<Element>(document, { serializer: (n) => n as Element, keepClasses: true, charThreshold: 100 }).parse();
    if (!result?.content) return { kind: "failed", line, message: "không tìm thấy nội dung bài trong trang" };
    const header = new Set([breadcrumb.join(" >> "), postedText, titleBlock.text].map(normalise));
    body = bodyToBlocks(result.content, hooks);
    while (body[0]?.kind === "text" && (header.has(normalise(body[0].plain)) || POSTED.test(body[0].plain) || CRUMB_SEPARATOR.test(body[0].plain) && body[0].plain.length < 120)) body.shift();
  }

  body = body.map((b, i) => {
    if (b.kind === "figure") return { ...b, src: `legacy-ref:${refs.push({ kind: "image", href: b.src, line: lineOf(raw, `"${b.src}"`, b.src) }) - 1}` };
    if (b.kind === "text" && ![...keptLegacy].some((t) => b.plain.includes(t))) {
      const found = detectAndConvert(b.md);
      if (!found) return b;
      const at = lineOf(raw, b.plain.slice(0, 40));
      if (found.result.certain) {
        notes.push({ line: at, message: `đoạn ${i + 1} gõ bằng bảng mã ${found.encoding} đã được chuyển sang Unicode — đọc lại cho chắc` });
        return { ...b, md: found.result.text, plain: found.result.text };
      }
      notes.push({ line: at, message: legacyWarning(found.encoding, `đoạn ${i + 1} (“${b.plain.slice(0, 40)}…”)`) });
    }
    return b;
  });
  const last = body.at(-1);
  const author = last?.kind === "text" && isAuthor(last.plain) ? (body.pop(), last.plain) : undefined;
  if (!body.some((b) => b.kind !== "text" || b.plain)) return { kind: "failed", line, message: "bài không có nội dung" };
  return {
    kind: "article",
    address,
    ...(id ? { id } : {}),
    mobile,
    breadcrumb,
    title,
    date,
    ...(author ? { author } : {}),
    blocks: body,
    refs,
    links,
    notes,
    extractor,
  };
}

function convertIfLegacy(text: string, notes: PageNote[], line: number | undefined): string {
  const found = detectAndConvert(text);
  if (!found) return text;
  if (found.result.certain) return found.result.text;
  notes.push({ line, message: legacyWarning(found.encoding, "tiêu đề") });
  return text;
}

const normalise = (s: string) => s.replace(/\s+/g, " ").trim().toLocaleLowerCase("vi");

function findBreadcrumb(blocks: TextBlock[], dateIndex: number): string[] | null {
  for (let i = dateIndex - 1; i >= Math.max(0, dateIndex - 3); i--) {
    if (CRUMB_SEPARATOR.test(blocks[i]!.text)) return blocks[i]!.text.split(CRUMB_SEPARATOR).map((s) => s.trim()).filter(Boolean);
  }
  // A top-level category shows one name only.
  const before = blocks[dateIndex - 1]?.text;
  return before && before.length <= 80 && !/[.!?:;]$/.test(before) ? [before] : null;
}

const NO_TEXT = new Set(["script", "style", "noscript", "head", "template", "select", "textarea"]);

/** The page as lines of text in reading order (block elements and <br> end a line), with node positions. */
function textBlocks(document: Document): { blocks: TextBlock[]; order: NodeRange["order"] } {
  const order: NodeRange["order"] = new Map();
  const blocks: TextBlock[] = [];
  let n = 0;
  let open: TextBlock | null = null;
  const visit = (node: Node) => {
    const pre = n++;
    if (isElement(node)) {
      const tag = node.localName;
      const block = BLOCK.has(tag) || tag === "br" || tag === "body";
      if (block) open = null;
      if (!NO_TEXT.has(tag)) for (const c of node.childNodes) visit(c);
      if (block) open = null;
    } else if (node.nodeType === 3) {
      const text = (node.nodeValue ?? "").replace(/[\s\u00a0]+/g, " ");
      if (text.trim()) {
        if (!open) blocks.push((open = { text: "", first: pre, last: pre }));
        open.text += text;
        open.last = pre;
      }
    }
    order.set(node, { pre, post: n - 1 });
  };
  visit(document.documentElement);
  for (const b of blocks) b.text = b.text.trim().normalize("NFC");
  return { blocks, order };
}

