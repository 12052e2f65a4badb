import type { ContentIssue } from "../content/issues.ts";
import type { Article } from "../model/types.ts";
import { ZONE } from "../model/dates.ts";
import type { LineOf } from "./field-line.ts";

const titleKey = (title: string) => title.normalize("NFC").toLocaleLowerCase("vi").replace(/\s+/g, " ").trim();

/** Two articles with the same title on the same (Vietnam) day are usually one article saved twice. */
export function checkDuplicateTitles(articles: readonly Article[], lineOf: LineOf): ContentIssue[] {
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
      line: lineOf(article.file, "title"),
      field: "title",
      message: `same title and day as ${first.file} — if it is the same article, delete one copy; otherwise make the titles differ`,
      severity: "warning",
    });
  }
  return issues;
}
