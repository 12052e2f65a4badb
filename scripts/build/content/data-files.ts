import { existsSync } from "node:fs";
import { join, relative } from "node:path";
import type { z } from "zod";
import type { ContentIssue } from "./issues.ts";
import { readContentText } from "./read-text.ts";
import { parseYaml, schemaIssues, textIssues, type YamlSource } from "./yaml-source.ts";

export type DataFileResult<T> =
  | { status: "ok"; value: T; file: string; lineOf: YamlSource["lineOf"]; warnings: ContentIssue[] }
  | { status: "missing"; file: string }
  | { status: "invalid"; issues: ContentIssue[] };

/** Path of content/_data/<name> as shown in messages (relative to the working directory). */
export function dataFilePath(contentDir: string, name: string): { path: string; display: string } {
  const path = join(contentDir, "_data", name);
  return { path, display: relative(process.cwd(), path) || path };
}

/**
 * Read content/_data/<name>, parse it as YAML and validate it, with every issue at its line.
 * An empty file counts as `emptyValue` when one is given.
 */
export async function readDataFile<S extends z.ZodType>(
  contentDir: string,
  name: string,
  schema: S,
  emptyValue?: unknown,
): Promise<DataFileResult<z.output<S>>> {
  const { path, display } = dataFilePath(contentDir, name);
  if (!existsSync(path)) return { status: "missing", file: display };
  const read = readContentText(path, display);
  if ("issue" in read) return { status: "invalid", issues: [read.issue] };
  const parsed = parseYaml(read.text, display);
  if ("issue" in parsed) return { status: "invalid", issues: [parsed.issue] };
  const text = textIssues(parsed.source, display);
  const result = schema.safeParse(parsed.source.value ?? emptyValue);
  const issues = [...text, ...(result.success ? [] : schemaIssues(result.error, parsed.source, display))];
  if (!result.success || issues.some((i) => i.severity === "error")) return { status: "invalid", issues };
  return { status: "ok", value: result.data, file: display, lineOf: parsed.source.lineOf, warnings: issues };
}

/** Like readDataFile, for the site's own data: a missing file yields `fallback`, or an error without one. */
export async function loadDataFile<S extends z.ZodType>(
  contentDir: string,
  name: string,
  schema: S,
  fallback?: z.infer<S>,
): Promise<{ value?: z.infer<S>; issues: ContentIssue[]; lineOf?: YamlSource["lineOf"] }> {
  const result = await readDataFile(contentDir, name, schema, fallback);
  if (result.status === "ok") return { value: result.value, issues: result.warnings, lineOf: result.lineOf };
  if (result.status === "invalid") return { issues: result.issues };
  if (fallback !== undefined) return { value: fallback, issues: [] };
  const issue: ContentIssue = { file: result.file, line: 1, field: "(file)", message: `không có tệp này — tạo ${name} trong content/_data`, severity: "error" };
  return { issues: [issue] };
}
