import { existsSync } from "node:fs";
import { join, relative } from "node:path";
import type { z } from "zod";
import type { ContentIssue } from "./issues.ts";
import { readContentText } from "./read-text.ts";
import { parseYaml, schemaIssues } from "./yaml-source.ts";

/** Read and validate one YAML file under content/_data. A missing optional file yields `fallback`. */
export async function loadDataFile<S extends z.ZodType>(
  contentDir: string,
  name: string,
  schema: S,
  fallback?: z.infer<S>,
): Promise<{ value?: z.infer<S>; issues: ContentIssue[] }> {
  const path = join(contentDir, "_data", name);
  const file = relative(process.cwd(), path);
  if (!existsSync(path)) {
    if (fallback !== undefined) return { value: fallback, issues: [] };
    return {
      issues: [{ file, line: 1, field: "(file)", message: `missing — create ${name} in content/_data`, severity: "error" }],
    };
  }
  const read = readContentText(path, file);
  if ("issue" in read) return { issues: [read.issue] };
  const parsed = parseYaml(read.text, file);
  if ("issue" in parsed) return { issues: [parsed.issue] };
  const result = schema.safeParse(parsed.source.value ?? fallback);
  if (!result.success) return { issues: schemaIssues(result.error, parsed.source, file) };
  return { value: result.data, issues: [] };
}
