import { escapeInline, escapeLineStart } from "./to-markdown.ts";

/**
 * The body of an old article (a DOM subtree, optionally cut to a range of nodes) → Markdown blocks.
 * Paragraphs, `<br>` lines, lists, headings, bold and italic become Markdown; images become figures
 * (captions come from `<figure>`, which the caption pre-pass makes from the old layouts); YouTube
 * players become video blocks. Targets are left to the caller (`hooks`), which copies files and
 * rewrites links between old articles.
 */
export type Block =
  | { kind: "text"; md: string; plain: string; italicOnly: boolean }
  | { kind: "figure"; src: string; alt: string; caption: string }
  | { kind: "video"; id: string | null; caption: string; src: string };

export interface BodyHooks {
  /** Markdown link target for an old href, or null to keep the words without the link. */
  link(href: string): string | null;
}

/** Inclusive-exclusive range of document-order positions; nodes outside it are left out. */
export interface NodeRange {
  order: Map<Node, { pre: number; post: number }>;
  start: number;
  end: number;
}

/** Elements that start and end a paragraph. */
export const BLOCK = new Set([
  "address", "article", "aside", "blockquote", "center", "dd", "div", "dl", "dt", "fieldset", "figcaption", "figure",
  "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre",
  "section", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
]);
const SKIP = new Set([
  "script", "style", "noscript", "head", "title", "meta", "link", "input", "select", "option", "textarea", "button",
  "map", "area", "svg", "canvas", "audio", "template",
]);
const EMBED = new Set(["iframe", "object", "embed", "video"]);
const MAX_CAPTION = 250;

/** The YouTube id in a player's address: embed, watch, old /v/ players, youtu.be. */
export function youtubeIdOf(src: string): string | null {
  const m = /(?:youtube(?:-nocookie)?\.com\/(?:embed\/|v\/|watch\?(?:[^#]*&)?v=|shorts\/)|youtu\.be\/)([A-Za-z0-9_-]{11})(?![A-Za-z0-9_-])/.exec(src);
  return m ? m[1]! : null;
}

/** The address an embedded player plays: iframe/embed src, object data or its `movie` param. */
export function embedSource(el: Element): string {
  const own = el.getAttribute("src") ?? el.getAttribute("data") ?? "";
  if (own) return own;
  for (const child of el.querySelectorAll("param, embed, source")) {
    const name = child.getAttribute("name")?.toLowerCase();
    const value = child.localName === "param" ? (name === "movie" || name === "src" ? child.getAttribute("value") : null) : child.getAttribute("src");
    if (value) return value;
  }
  return "";
}

export const isElement = (n: Node): n is Element => n.nodeType === 1;
const name = (n: Node) => (isElement(n) ? n.localName : "");
const collapse = (s: string) => s.replace(/[\s\u00a0\u2007\u202f]+/g, " ").replace(/[\u200b\u200c\u200d\ufeff]/g, "");

/** Text of a node with spaces collapsed, NFC. */
export function plainText(n: Node): string {
  return collapse(n.textContent ?? "").trim().normalize("NFC");
}

interface Inline {
  md: string;
  plain: string;
  /** Some non-blank text outside <i>/<em>. */
  upright: boolean;
}

export function bodyToBlocks(root: Node, hooks: BodyHooks, range?: NodeRange): Block[] {
  const blocks: Block[] = [];
  let cur: Inline = { md: "", plain: "", upright: false };

  const where = (n: Node): "in" | "out" | "partial" => {
    if (!range) return "in";
    const o = range.order.get(n);
    if (!o) return "in";
    if (o.pre > range.start && o.post < range.end) return "in";
    if (o.post <= range.start || o.pre >= range.end) return "out";
    return "partial";
  };

  const flush = () => {
    const para = cur;
    cur = { md: "", plain: "", upright: false };
    // Blank lines between <br>s split paragraphs; single <br>s are hard breaks.
    for (const chunk of para.md.split(/\n\s*\n/)) {
      const lines = chunk.split("\n").map(tidy).filter(Boolean);
      const plain = markdownToPlain(lines.join(" "));
      if (!/[\p{L}\p{N}]/u.test(plain)) continue;
      blocks.push({ kind: "text", md: lines.map(escapeLineStart).join("\\\n"), plain, italicOnly: !para.upright });
    }
  };

  const figure = (img: Element, caption: string) => {
    const src = img.getAttribute("src")?.trim();
    if (!src || tiny(img)) return;
    flush();
    const alt = collapse(img.getAttribute("alt") ?? img.getAttribute("title") ?? "").trim();
    blocks.push({ kind: "figure", src, alt: meaningfulAlt(alt, src) ? alt : "", caption });
  };

  const video = (el: Element, caption = "") => {
    const src = embedSource(el);
    flush();
    blocks.push({ kind: "video", id: youtubeIdOf(src), caption, src });
  };

  /** Inline content of a node (no block inside), as Markdown. */
  const inline = (n: Node, italic: boolean): Inline => {
    if (n.nodeType === 3) {
      const text = collapse(n.nodeValue ?? "");
      return { md: escapeInline(text), plain: text, upright: !italic && text.trim() !== "" };
    }
    if (!isElement(n) || SKIP.has(n.localName) || where(n) === "out") return { md: "", plain: "", upright: false };
    const tag = n.localName;
    if (tag === "br") return { md: "\n", plain: " ", upright: false };
    const em = tag === "i" || tag === "em";
    const parts = [...n.childNodes].map((c) => inline(c, italic || em));
    const inner: Inline = { md: parts.map((p) => p.md).join(""), plain: parts.map((p) => p.plain).join(""), upright: parts.some((p) => p.upright) };
    if (tag === "b" || tag === "strong") return { ...inner, md: wrap(inner.md, "**") };
    if (em) return { ...inner, md: wrap(inner.md, "*") };
    if (tag === "a") {
      const href = n.getAttribute("href")?.trim() ?? "";
      if (/^javascript:/i.test(href)) return { md: "", plain: "", upright: false };
      const target = href && !href.startsWith("#") ? hooks.link(href) : null;
      const text = inner.md.trim();
      if (!target || !text) return inner;
      return { ...inner, md: `[${text}](${/[\s()<>]/.test(target) ? `<${target.replace(/[<>]/g, encodeURIComponent)}>` : target})` };
    }
    return inner;
  };

  const append = (part: Inline) => {
    cur.md += part.md;
    cur.plain += part.plain;
    cur.upright ||= part.upright;
  };

  const list = (el: Element, depth: number): string[] => {
    const lines: string[] = [];
    let n = Number(el.getAttribute("start") ?? 1) || 1;
    for (const li of el.children) {
      if (li.localName !== "li" || where(li) === "out") continue;
      const nested: Element[] = [];
      const text: Inline[] = [];
      for (const c of li.childNodes) {
        if (isElement(c) && (c.localName === "ul" || c.localName === "ol")) nested.push(c);
        else text.push(inline(c, false));
      }
      const md = text.map((t) => t.md).join("").split("\n").map(tidy).filter(Boolean).join(" ");
      const marker = el.localName === "ol" ? `${n++}.` : "-";
      lines.push(`${"   ".repeat(depth)}${marker} ${md}`);
      for (const sub of nested) lines.push(...list(sub, depth + 1));
    }
    return lines;
  };

  const walk = (n: Node): void => {
    const state = where(n);
    if (state === "out") return;
    if (!isElement(n)) {
      if (n.nodeType === 3) append(inline(n, false));
      return;
    }
    const tag = n.localName;
    if (SKIP.has(tag)) return;
    if (tag === "img") return figure(n, "");
    if (EMBED.has(tag)) return video(n);
    if (tag === "figure" && state === "in") {
      const caption = plainText(n.querySelector("figcaption") ?? n.ownerDocument.createTextNode(""));
      const player = n.querySelector("iframe, object, embed, video");
      const img = n.querySelector("img");
      if (player) return video(player, caption);
      if (img) return figure(img, caption);
    }
    if ((tag === "ul" || tag === "ol") && state === "in") {
      flush();
      const lines = list(n, 0);
      if (lines.length) blocks.push({ kind: "text", md: lines.join("\n"), plain: plainText(n), italicOnly: false });
      return;
    }
    const heading = /^h([1-6])$/.exec(tag);
    if (heading && state === "in" && !n.querySelector("img, iframe, object, embed")) {
      flush();
      const md = tidy(inline(n, false).md.replace(/\n/g, " "));
      if (md) blocks.push({ kind: "text", md: `${"#".repeat(Math.max(2, Math.min(4, Number(heading[1]))))} ${md}`, plain: plainText(n), italicOnly: false });
      return;
    }
    if (tag === "hr") return flush();
    const block = BLOCK.has(tag);
    // Inline elements with no block, image or player inside are rendered as a whole (keeps bold/italic/links).
    if (!block && state === "in" && !hasBlockInside(n)) return append(inline(n, false));
    if (block) flush();
    for (const c of n.childNodes) walk(c);
    if (block) flush();
  };

  walk(root);
  flush();
  return attachCaptions(blocks);
}

/** A video's caption is the short line right after the player (or a "Video …" line right before it). */
function attachCaptions(blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.kind === "figure" && !b.caption) {
      // An italic-only short line right after the image (the old editor's centred caption).
      const next = blocks[i + 1];
      if (next?.kind === "text" && next.italicOnly && next.plain.length <= MAX_CAPTION && !next.md.includes("\n")) {
        out.push({ ...b, caption: next.plain });
        i++;
        continue;
      }
    }
    if (b.kind === "video" && !b.caption) {
      const next = blocks[i + 1];
      const prev = out.at(-1);
      if (next?.kind === "text" && captionLike(next.plain)) {
        out.push({ ...b, caption: next.plain });
        i++;
        continue;
      }
      if (prev?.kind === "text" && captionLike(prev.plain) && /^video\b/i.test(prev.plain)) {
        out.pop();
        out.push({ ...b, caption: prev.plain });
        continue;
      }
    }
    out.push(b);
  }
  return out;
}

/** Adjacent text nodes (linkedom splits at entities such as &nbsp;) leave runs of spaces. */
const tidy = (line: string) => line.replace(/[ \t]+/g, " ").trim();

const captionLike = (s: string) => s.length <= MAX_CAPTION && !/[.!?:;,…]$/.test(s) && !s.includes("\n");

function hasBlockInside(el: Element): boolean {
  for (const c of el.children) {
    if (BLOCK.has(c.localName) || c.localName === "img" || EMBED.has(c.localName) || hasBlockInside(c)) return true;
  }
  return false;
}

/** Spacer GIFs and bullets, which old layouts sized to a few pixels. */
function tiny(img: Element): boolean {
  const w = Number(img.getAttribute("width"));
  const h = Number(img.getAttribute("height"));
  return (w > 0 && w <= 32) || (h > 0 && h <= 32);
}

/** Old editors often left the file name or "image" as alt text: that describes nothing. */
function meaningfulAlt(alt: string, src: string): boolean {
  if (alt.length < 3) return false;
  const file = decodeSafe(src.split(/[?#]/)[0]!.split("/").pop() ?? "");
  return !/^(image|img|anh|ảnh|photo|hinh|hình|picture)\s*\d*$/i.test(alt) && alt !== file && !/\.(jpe?g|png|gif|bmp|webp)$/i.test(alt);
}

export function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** `**` / `*` around the words, with the spaces outside (CommonMark needs them there). */
function wrap(md: string, marker: string): string {
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(md)!;
  if (!m[2] || !/[\p{L}\p{N}]/u.test(m[2])) return md;
  // A line break inside emphasis would close it: mark each line.
  return m[1] + m[2].split("\n").map((l) => (l.trim() ? `${marker}${l.trim()}${marker}` : l)).join("\n") + m[3];
}

/** The words of an inline Markdown line: links, emphasis and escapes removed. */
function markdownToPlain(md: string): string {
  return md
    .replace(/\[((?:[^\]\\]|\\.)*)\]\((?:<[^>]*>|[^)]*)\)/g, "$1")
    .replace(/(?<!\\)\*+/g, "")
    .replace(/\\(.)/g, "$1")
    .trim();
}
