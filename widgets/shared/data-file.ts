import { access } from "node:fs/promises";
import { join, relative } from "node:path";
import type { z } from "zod";
import type { ContentIssue } from "../../scripts/content/issues.ts";
import { readContentText } from "../../scripts/content/read-text.ts";
import { parseYaml, schemaIssues } from "../../scripts/content/yaml-source.ts";

export type DataFileResult<T> =
  | { status: "ok"; value: T; file: string }
  | { status: "missing"; file: string }
  | { status: "invalid"; issues: ContentIssue[] };

/** Path of content/_data/<name> as shown in messages (relative to the working directory). */
export function dataFilePath(contentDir: string, name: string): { path: string; display: string } {
  const path = join(contentDir, "_data", name);
  return { path, display: relative(process.cwd(), path) || path };
}

/** Read content/_data/<name>, parse it as YAML and validate it, with every issue at its line. */
export async function loadDataFile<S extends z.ZodType>(
  contentDir: string,
  name: string,
  schema: S,
): Promise<DataFileResult<z.output<S>>> {
  const { path, display } = dataFilePath(contentDir, name);
  try {
    await access(path);
  } catch {
    return { status: "missing", file: display };
  }
  const read = await readContentText(path, display);
  if ("issue" in read) return { status: "invalid", issues: [read.issue] };
  const parsed = parseYaml(read.text, display);
  if ("issue" in parsed) return { status: "invalid", issues: [parsed.issue] };
  const result = schema.safeParse(parsed.source.value);
  if (!result.success) {
    return { status: "invalid", issues: schemaIssues(result.error, parsed.source, display) };
  }
  return { status: "ok", value: result.data, file: display };
}
