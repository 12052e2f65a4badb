import { relative } from "node:path";
import type { ContentIssue } from "../content/issues.ts";
import { scanMedia } from "../publish/media-files.ts";

/** Every file of content/media that is not published, and why: an error for what is hostile, else a warning. */
export async function checkMediaFiles(contentDir: string): Promise<ContentIssue[]> {
  const { refused } = await scanMedia(contentDir);
  return refused.map((r) => ({ file: relative(process.cwd(), r.path), line: 1, field: "media", message: r.message, severity: r.severity }));
}
