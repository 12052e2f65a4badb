import type { ContentIssue } from "../content/issues.ts";

/**
 * Text pasted from Word or macOS often arrives decomposed (NFD): "ệ" stored
 * as "e" plus two combining marks. The build normalises it, but the source
 * stays hard to search and edit, so each such file gets one warning.
 */
export function checkNfd(rawText: string, file: string): ContentIssue[] {
  const lines = rawText.split("\n");
  const bad = lines.flatMap((line, i) => (line === line.normalize("NFC") ? [] : [i + 1]));
  if (bad.length === 0) return [];
  const more = bad.length > 1 ? ` (và ${bad.length - 1} dòng khác)` : "";
  return [
    {
      file,
      line: bad[0]!,
      field: "unicode",
      message:
        `chữ ở dạng Unicode tổ hợp (NFD), thường do dán từ Word hoặc máy Mac${more} — ` +
        `chạy \`npm run check -- --fix-nfc\` để ghi lại tệp ở dạng dựng sẵn (NFC), hoặc dán dạng văn bản thuần (Ctrl+Shift+V)`,
      severity: "warning",
    },
  ];
}
