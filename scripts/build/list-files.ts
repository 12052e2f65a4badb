import { readdir } from "node:fs/promises";
import { join, relative, sep } from "node:path";

/**
 * Files under `root` (those whose name ends with one of `exts`, or all), as sorted paths relative to
 * root with "/" separators.
 */
export async function listFiles(root: string, exts?: string[]): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && (exts === undefined || exts.some((ext) => e.name.endsWith(ext))))
    .map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join("/"))
    .sort();
}
