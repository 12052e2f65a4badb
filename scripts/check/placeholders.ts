import type { ContentIssue } from "../content/issues.ts";

const PLACEHOLDER_IMAGE = /!\[[^\]]*\]\([^)\s]*placeholder[^)\s]*/;
const EMPTY_VIDEO = /^:::\s*video\s*$/;

/** Stand-ins left by the import (or by hand) that an editor should replace with the real photo or video. */
export function checkPlaceholders(rawText: string, file: string): ContentIssue[] {
  return rawText.split("\n").flatMap((line, i): ContentIssue[] => {
    const at = { file, line: i + 1, severity: "warning" as const };
    if (PLACEHOLDER_IMAGE.test(line)) {
      return [{ ...at, field: "image", message: "a stand-in photo — upload the real photo to content/media/<year>/ and put its path here" }];
    }
    if (EMPTY_VIDEO.test(line)) {
      return [{ ...at, field: "video", message: "a video without its YouTube address — add it after `::: video`, e.g. `::: video https://youtu.be/…`" }];
    }
    return [];
  });
}
