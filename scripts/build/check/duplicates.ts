import type { ContentIssue } from "../content/issues.ts";
import type { Article } from "../model/types.ts";
import { ZONE } from "../model/dates.ts";

const titleKey = (title: string) => title.normalize("NFC").toLocaleLowerCase("vi").replace(/\s+/g, " ").trim();

/** Two articles with the same title on the same (Vietnam) day are usually one article saved twice. */
export function checkDuplicateTitles(articles: readonly Article[]): ContentIssue[] {
  const seen = new Map<string, Article>();
  const issues: ContentIssue[] = [];
  for (const article of [...articles].sort((a, b) => a.file.localeCompare(b.file))) {
    const key = `${article.date.setZone(ZONE).toISODate()} ${titleKey(article.title)}`;
    const first = seen.get(key);
    if (!first) {
      seen.set(key, article);
      continue;
    }
    issues.push({
      file: article.file,
      line: article.lineOf(["title"]),
      field: "title",
      message: `trùng tiêu đề và ngày với ${first.file} — nếu là cùng một bài thì xóa một bản; nếu không thì sửa cho hai tiêu đề khác nhau`,
      severity: "warning",
    });
  }
  return issues;
}
