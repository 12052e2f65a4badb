import type { ContentIssue } from "../content/issues.ts";

// Bounded like body-problems.ts's UNPARSED: unbounded, a line of `![![![…` was tried from every
// bracket to its end (quadratic: 600 KB of it took minutes).
const PLACEHOLDER_IMAGE = /!\[[^\]]{0,1000}\]\([^)\s]{0,2000}placeholder/;
const EMPTY_VIDEO = /^:::\s*video\s*$/;

/** Stand-ins left by the import (or by hand) that an editor should replace with the real photo or video. */
export function checkPlaceholders(rawText: string, file: string): ContentIssue[] {
  return rawText.split("\n").flatMap((line, i): ContentIssue[] => {
    const at = { file, line: i + 1, severity: "warning" as const };
    if (PLACEHOLDER_IMAGE.test(line)) {
      return [{ ...at, field: "image", message: "ảnh tạm — tải ảnh thật lên content/media/<năm>/ rồi thay đường dẫn ở đây" }];
    }
    if (EMPTY_VIDEO.test(line)) {
      return [{ ...at, field: "video", message: "video chưa có địa chỉ YouTube — thêm địa chỉ sau `::: video`, ví dụ `::: video https://youtu.be/…`" }];
    }
    return [];
  });
}
