import { readFileSync } from "node:fs";
import { DateTime } from "luxon";
import { ZONE } from "../../build/model/dates.ts";
import { legacyId } from "../../build/publish/redirects.ts";
import { decodeHtml, looksLikeHtml } from "./decode-html.ts";
import { parseSavedPage, undoSavedName, type SavedArticle } from "./saved-page.ts";

export interface Page {
  file: string;
  root: string;
  /** Path inside the saved copy, with "/" separators. */
  rel: string;
}

/** What one saved file turned out to be. */
export type PageOutcome =
  | { kind: "not-html" }
  | { kind: "failed"; line?: number; message: string }
  | { kind: "skipped"; reason: string }
  | { kind: "mobile-copy"; desktop: string }
  | { kind: "article"; article: SavedArticle };

/** The same, as it crosses between threads (a date as an ISO string). */
export type WireOutcome = Exclude<PageOutcome, { kind: "article" }> | { kind: "article"; article: Omit<SavedArticle, "date"> & { date: string } };

const FORM_ACTION = /<form\b[^>]*\baction\s*=\s*["']([^"']*)["']/i;

/** The desktop page already read for this mobile copy (ASP.NET posts back to the page's own address). */
function mobileCopyOf(html: string, rel: string, desktopById: ReadonlyMap<string, string>): string | undefined {
  const action = FORM_ACTION.exec(html)?.[1];
  const address = new URL(undoSavedName(action || rel), "http://old.invalid/");
  if (!/^\/mobile(?:\.aspx|\/)/i.test(address.pathname)) return undefined;
  const id = legacyId(address.pathname + address.search);
  return id ? desktopById.get(id) : undefined;
}

/** Reads, decodes and parses one saved file; a mobile copy of an article in `desktopById` is not parsed. */
export function readPage(page: Page, desktopById: ReadonlyMap<string, string> = new Map()): PageOutcome {
  const bytes = readFileSync(page.file);
  if (!looksLikeHtml(bytes)) return { kind: "not-html" };
  const decoded = decodeHtml(bytes);
  if (!decoded.ok) return { kind: "failed", message: decoded.message };
  const desktop = mobileCopyOf(decoded.text, page.rel, desktopById);
  if (desktop) return { kind: "mobile-copy", desktop };
  try {
    const result = parseSavedPage(decoded.text, page.rel);
    if (result.kind === "failed") return { kind: "failed", ...(result.line ? { line: result.line } : {}), message: result.message };
    if (result.kind === "skipped") return { kind: "skipped", reason: result.reason };
    return { kind: "article", article: result };
  } catch (e) {
    return { kind: "failed", message: `không đọc được trang (${(e as Error).message}) — mở trang bằng trình duyệt để xem nó có hỏng không` };
  }
}

export function toWire(o: PageOutcome): WireOutcome {
  return o.kind === "article" ? { kind: "article", article: { ...o.article, date: o.article.date.toISO()! } } : o;
}

export function fromWire(o: WireOutcome): PageOutcome {
  return o.kind === "article" ? { kind: "article", article: { ...o.article, date: DateTime.fromISO(o.article.date, { zone: ZONE }) } } : o;
}
