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
  const more = bad.length > 1 ? ` (and ${bad.length - 1} more line(s))` : "";
  return [
    {
      file,
      line: bad[0]!,
      field: "unicode",
      message:
        `the text is in decomposed Unicode (NFD), as pasted from Word or macOS${more} — ` +
        `run \`npm run check -- --fix-nfc\` to rewrite the file in NFC, or paste as plain text (Ctrl+Shift+V)`,
      severity: "warning",
    },
  ];
}
