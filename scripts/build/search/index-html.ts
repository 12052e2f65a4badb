import { escapeUTF8 as escapeHtml } from "entities";
import { DateTime } from "luxon";
import { toIso, ZONE } from "../model/dates.ts";
import { ATTACHMENT_ID_PREFIX, DATE_FILTER, OWN_CATEGORY_FILTER, TITLE_NUMBER_FILTER } from "./params.ts";
import { numeral } from "./ranking.ts";

/** One article or static page as the search index sees it. */
export interface SearchDocument {
  url: string;
  title: string;
  /** Rendered body HTML. */
  html: string;
  /** Articles only: ISO 8601 date. */
  dateIso?: string;
  /** Articles only: the category's display name. */
  category?: string;
  /**
   * Category names from the root to the article's own: all are filter values, so filtering by
   * a parent finds its children's articles too. Defaults to `[category]`.
   */
  categoryPath?: string[];
  summary?: string;
  /** PDF and DOCX files the body links to, with their text once extracted (attachments.ts). */
  attachments?: Attachment[];
}

export interface Attachment {
  /** File name as readers see it, e.g. the-le-hoi-thi.pdf. */
  name: string;
  /** Absolute path of the file. */
  path: string;
  text?: string;
}

/** Numbers and upper-case Roman numerals of a title ("lần thứ 11", "Đại hội VI", "năm 2022"). */
function titleNumbers(title: string): string[] {
  const found = title
    .split(/[\s,.;:()–-]+/)
    .filter((token) => /^\d+$/.test(token) || (/^[IVX]+$/.test(token) && numeral(token)))
    .map((token) => numeral(token)!);
  return [...new Set(found)];
}

function plainText(html: string): string {
  return html.replace(/<[^>]*>/g, " ").replace(/\s+/g, " ");
}

/**
 * The HTML Pagefind indexes for one document: title as h1 (Pagefind weights headings),
 * an explicit summary when the body does not already contain it, then the body.
 * `indexText` rewrites the searchable text (title, summary, body); display-only metadata
 * (date, category) stays as written.
 */
export function renderIndexHtml(doc: SearchDocument, indexText: (text: string) => string): string {
  const head: string[] = [];
  if (doc.category) {
    for (const name of doc.categoryPath ?? [doc.category]) {
      head.push(`<meta data-pagefind-filter="category[content]" content="${escapeHtml(name)}">`);
    }
    head.push(`<meta data-pagefind-filter="${OWN_CATEGORY_FILTER}[content]" content="${escapeHtml(doc.category)}">`);
  }
  // No data-pagefind-sort: a sort is a list of every page in the metadata every search loads;
  // "newest first" uses newest-order.json instead (write-newest-order.ts).
  if (doc.dateIso) {
    const date = DateTime.fromISO(doc.dateIso, { zone: ZONE });
    if (!date.isValid) throw new Error(`${doc.url}: dateIso "${doc.dateIso}" is not an ISO 8601 date`);
    head.push(`<meta data-pagefind-filter="${DATE_FILTER}[content]" content="${toIso(date)}">`);
  }
  for (const value of titleNumbers(doc.title)) {
    head.push(`<meta data-pagefind-filter="${TITLE_NUMBER_FILTER}[content]" content="${value}">`);
  }

  const summary = doc.summary?.trim();
  const showSummary = summary && !plainText(doc.html).includes(summary);
  const body = [
    `<h1 data-pagefind-meta="title">${escapeHtml(doc.title)}</h1>`,
    showSummary ? `<p>${escapeHtml(summary)}</p>` : "",
    doc.html,
    ...(doc.attachments ?? []).flatMap((file, i) =>
      file.text?.trim()
        ? [`<section><h2 id="${ATTACHMENT_ID_PREFIX}${i + 1}">Tệp đính kèm: ${escapeHtml(file.name)}</h2><p>${escapeHtml(file.text)}</p></section>`]
        : [],
    ),
  ].join("\n");
  return `<!doctype html><html lang="vi"><head>${head.join("")}</head><body><main data-pagefind-body>${indexText(body)}</main></body></html>`;
}
