import type { ContentIssue } from "./issues.ts";
import { parseYaml, type YamlSource } from "./yaml-source.ts";

export interface FrontMatterFile {
  source: YamlSource;
  body: string;
  /** File line on which the body starts. */
  bodyLine: number;
}

const HOW = "start the file with a line `---`, then `title:`, `date:` and `category:` lines, then a line `---`";

/** Split `---` fenced YAML front matter from the Markdown body. */
export function splitFrontMatter(text: string, file: string): FrontMatterFile | { issue: ContentIssue } {
  const issue = (line: number, message: string) => ({
    issue: { file, line, field: "front matter", message, severity: "error" as const },
  });
  if (text.trim() === "") return issue(1, `the file is empty — ${HOW}`);
  const lines = text.split("\n");
  if (lines[0]!.trim() !== "---") return issue(1, `no front matter — ${HOW}`);
  const end = lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(l));
  if (end < 0) return issue(1, "the front matter is never closed — add a line `---` after the last field");
  const parsed = parseYaml(lines.slice(1, end).join("\n"), file, 2);
  if ("issue" in parsed) return parsed;
  if (parsed.source.value === null || typeof parsed.source.value !== "object" || Array.isArray(parsed.source.value)) {
    return issue(2, "the front matter must be `field: value` lines, e.g. `title: …`");
  }
  return { source: parsed.source, body: lines.slice(end + 1).join("\n"), bodyLine: end + 2 };
}
