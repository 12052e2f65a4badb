import type { ContentIssue } from "../content/issues.ts";
import type { Article, Page } from "../model/types.ts";
import type { LineOf } from "./field-line.ts";

export const MAX_TITLE = 150;
export const MAX_SUMMARY = 300;

/** Long titles and summaries are cut off in listings, feeds and search results. */
export function checkLengths(docs: readonly (Article | Page)[], lineOf: LineOf): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const warn = (doc: Article | Page, field: string, length: number, max: number, advice: string) =>
    issues.push({
      file: doc.file,
      line: lineOf(doc.file, field),
      field,
      message: `${length} characters, more than ${max} — ${advice}`,
      severity: "warning",
    });
  for (const doc of docs) {
    const title = [...doc.title].length;
    if (title > MAX_TITLE) warn(doc, "title", title, MAX_TITLE, "shorten it; put the details in the summary or the text");
    const summary = [...(doc.frontMatter.summary ?? "")].length;
    if (summary > MAX_SUMMARY) warn(doc, "summary", summary, MAX_SUMMARY, "keep it to two or three sentences");
  }
  return issues;
}
