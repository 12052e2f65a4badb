import { join, relative } from "node:path";
import type { ContentIssue } from "../content/issues.ts";
import { linkMessage } from "../content/read-text.ts";

/**
 * Symbolic links in the content folder outside content/media (whose own links the media check
 * judges): the loaders skip a linked article, so it would vanish without a word, and a linked
 * folder or data file would bring text from outside the tree onto the site. Each is an error.
 * `links` are paths relative to the content folder, as contentFiles() lists them.
 */
export function checkContentLinks(contentDir: string, links: readonly string[]): ContentIssue[] {
  return links
    .filter((link) => link !== "media" && !link.startsWith("media/"))
    .map((link) => {
      const path = join(contentDir, link);
      return { file: relative(process.cwd(), path), line: 1, field: "(file)", message: linkMessage(path), severity: "error" as const };
    });
}
