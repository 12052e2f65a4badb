import type { ContentIssue } from "../content/issues.ts";
import type { Article, Page } from "../model/types.ts";

export const MAX_TITLE = 150;
export const MAX_SUMMARY = 300;

/** Long titles and summaries are cut off in listings, feeds and search results. */
export function checkLengths(docs: readonly (Article | Page)[]): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const warn = (doc: Article | Page, field: string, length: number, max: number, advice: string) =>
    issues.push({
      file: doc.file,
      line: doc.lineOf([field]),
      field,
      message: `dài ${length} ký tự, quá ${max} — ${advice}`,
      severity: "warning",
    });
  for (const doc of docs) {
    const title = [...doc.title].length;
    if (title > MAX_TITLE) warn(doc, "title", title, MAX_TITLE, "rút gọn; đưa chi tiết vào phần tóm tắt hoặc bài");
    const summary = [...(doc.frontMatter.summary ?? "")].length;
    if (summary > MAX_SUMMARY) warn(doc, "summary", summary, MAX_SUMMARY, "chỉ nên hai, ba câu");
  }
  return issues;
}
