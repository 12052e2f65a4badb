import { readFileSync } from "node:fs";
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
 * Read a content file as NFC text with LF line endings. A UTF-8 BOM is dropped;
 * bytes that are not UTF-8 are reported at the line where they first occur.
 */
/** `raw` is the text before NFC (for the NFD check); `text` is what the pipeline uses. */
export function readContentText(path: string, display: string): { text: string; raw: string } | { issue: ContentIssue } {
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
