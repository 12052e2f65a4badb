import { readdir } from "node:fs/promises";
import { join, relative, sep } from "node:path";

/**
 * Every file under the content folder, relative to it with "/" separators ("media/2020/bao-cao.pdf"),
 * and apart from them the symbolic links, which are never read here: the media check
 * (media-files.ts) says why they are refused.
 */
export async function contentFiles(contentDir: string): Promise<{ files: string[]; links: string[] }> {
  const entries = await readdir(contentDir, { recursive: true, withFileTypes: true });
  const path = (e: (typeof entries)[number]) => contentPath(contentDir, join(e.parentPath, e.name));
  return { files: entries.filter((e) => e.isFile()).map(path), links: entries.filter((e) => e.isSymbolicLink()).map(path) };
}

/** A path under the content folder, relative to it with "/" separators. */
export function contentPath(contentDir: string, path: string): string {
  return relative(contentDir, path).split(sep).join("/");
}
