import { lstatSync, readFileSync, realpathSync } from "node:fs";
import type { ContentIssue } from "./issues.ts";

const decoder = new TextDecoder("utf-8", { fatal: true });

/** Bytes as UTF-8 text without a BOM, or the line of the first byte that is not UTF-8. */
export function decodeUtf8(bytes: Uint8Array): { text: string } | { badLine: number } {
  try {
    const text = decoder.decode(bytes);
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  } catch {
    const loose = new TextDecoder("utf-8").decode(bytes);
    return { badLine: loose.slice(0, loose.indexOf("\uFFFD")).split("\n").length };
  }
}

/**
 * Why a symbolic link in the content folder is not read: it can lead out of the tree (a page or
 * data file from elsewhere would be published) or to a device that never ends (/dev/zero).
 */
export function linkMessage(path: string): string {
  let target: string;
  try {
    target = realpathSync(path);
  } catch {
    target = "một tệp không có";
  }
  return `là liên kết (symlink) tới ${target}, không phải một tệp thật trong thư mục nội dung, nên không được đọc hay đăng — xóa liên kết và chép chính tệp (hoặc thư mục) vào đây`;
}

/**
 * Read a content file as NFC text with LF line endings. A UTF-8 BOM is dropped;
 * bytes that are not UTF-8 are reported at the line where they first occur.
 */
/** `raw` is the text before NFC (for the NFD check); `text` is what the pipeline uses. */
export function readContentText(path: string, display: string): { text: string; raw: string } | { issue: ContentIssue } {
  const stat = lstatSync(path);
  if (!stat.isFile()) {
    const message = stat.isSymbolicLink() ? linkMessage(path) : "không phải một tệp thường (thiết bị, ống dẫn…) — xóa nó";
    return { issue: { file: display, line: 1, field: "(file)", message, severity: "error" } };
  }
  // Synchronous: thousands of small files read faster one after another than as thousands of promises.
  const decoded = decodeUtf8(readFileSync(path));
  if ("badLine" in decoded) {
    const line = decoded.badLine;
    return {
      issue: {
        file: display,
        line,
        field: "encoding",
        message:
          "tệp không được lưu bằng UTF-8 (có thể là Windows-1258, TCVN3 hoặc VNI) — mở tệp trong trình soạn thảo và lưu lại với bảng mã UTF-8",
        severity: "error",
      },
    };
  }
  const raw = decoded.text.replace(/\r\n?/g, "\n");
  return { text: raw.normalize("NFC"), raw };
}
