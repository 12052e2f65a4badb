import { existsSync } from "node:fs";
import { join, relative } from "node:path";
import type { z } from "zod";
import type { ContentIssue } from "./issues.ts";
import { readContentText } from "./read-text.ts";
import { parseYaml, schemaIssues } from "./yaml-source.ts";

export type DataFileResult<T> =
  | { status: "ok"; value: T; file: string }
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
  const result = schema.safeParse(parsed.source.value ?? emptyValue);
  if (!result.success) return { status: "invalid", issues: schemaIssues(result.error, parsed.source, display) };
  return { status: "ok", value: result.data, file: display };
}

/** Like readDataFile, for the site's own data: a missing file yields `fallback`, or an error without one. */
export async function loadDataFile<S extends z.ZodType>(
  contentDir: string,
  name: string,
  schema: S,
  fallback?: z.infer<S>,
): Promise<{ value?: z.infer<S>; issues: ContentIssue[] }> {
  const result = await readDataFile(contentDir, name, schema, fallback);
  if (result.status === "ok") return { value: result.value, issues: [] };
  if (result.status === "invalid") return { issues: result.issues };
  if (fallback !== undefined) return { value: fallback, issues: [] };
  const issue: ContentIssue = { file: result.file, line: 1, field: "(file)", message: `missing — create ${name} in content/_data`, severity: "error" };
  return { issues: [issue] };
}
