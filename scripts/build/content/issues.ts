/** One problem found in the content, reported as `path:line: field: message`. */
export interface ContentIssue {
  file: string;
  line: number;
  field: string;
  message: string;
  severity: "error" | "warning";
}

export function formatIssue(issue: ContentIssue): string {
  const tag = issue.severity === "warning" ? "cảnh báo: " : "";
  return `${issue.file}:${issue.line}: ${tag}${issue.field}: ${issue.message}`;
}

/** Thrown when a content tree has errors; carries every one of them. */
export class ContentError extends Error {
  constructor(readonly issues: ContentIssue[]) {
    const errors = issues.filter((i) => i.severity === "error");
    super(
      `${errors.length} lỗi nội dung:\n` + errors.map(formatIssue).join("\n"),
    );
    this.name = "ContentError";
  }
}

export function sortIssues(issues: ContentIssue[]): ContentIssue[] {
  return [...issues].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}
