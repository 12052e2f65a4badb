import { readdir } from "node:fs/promises";
import { join, relative, sep } from "node:path";

/** Every file under the content folder, relative to it with "/" separators ("media/2020/bao-cao.pdf"). */
export async function contentFiles(contentDir: string): Promise<string[]> {
  const entries = await readdir(contentDir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => contentPath(contentDir, join(e.parentPath, e.name)));
}

/** A path under the content folder, relative to it with "/" separators. */
export function contentPath(contentDir: string, path: string): string {
  return relative(contentDir, path).split(sep).join("/");
}
