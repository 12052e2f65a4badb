import type { ContentIssue } from "./issues.ts";
import { parseYaml, type YamlSource } from "./yaml-source.ts";

export interface FrontMatterFile {
  source: YamlSource;
  body: string;
  /** File line on which the body starts. */
  bodyLine: number;
}

const HOW = "tệp phải bắt đầu bằng một dòng `---`, tiếp theo là các dòng `title:`, `date:`, `category:`, rồi một dòng `---`";

/** Split `---` fenced YAML front matter from the Markdown body. */
export function splitFrontMatter(text: string, file: string): FrontMatterFile | { issue: ContentIssue } {
  const issue = (line: number, message: string) => ({
    issue: { file, line, field: "front matter", message, severity: "error" as const },
  });
  if (text.trim() === "") return issue(1, `tệp trống — ${HOW}`);
  const lines = text.split("\n");
  if (lines[0]!.trim() !== "---") return issue(1, `thiếu phần đầu — ${HOW}`);
  const end = lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(l));
  if (end < 0) return issue(1, "phần đầu chưa được đóng — thêm một dòng `---` sau trường cuối cùng");
  const parsed = parseYaml(lines.slice(1, end).join("\n"), file, 2);
  if ("issue" in parsed) return parsed;
  if (parsed.source.value === null || typeof parsed.source.value !== "object" || Array.isArray(parsed.source.value)) {
    return issue(2, "phần đầu phải là các dòng `trường: giá trị`, ví dụ `title: …`");
  }
  return { source: parsed.source, body: lines.slice(end + 1).join("\n"), bodyLine: end + 2 };
}
