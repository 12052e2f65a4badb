/**
 * Old-site text carries non-breaking and zero-width spaces, tabs and
 * decomposed letters. Lines come out NFC with single spaces and no margins.
 */
export function cleanLine(line: string): string {
  return line
    .normalize("NFC")
    .replace(/[\u200b\u200c\u200d\ufeff]/g, "")
    .replace(/[\s\u00a0\u2007\u202f]+/g, " ")
    .trim();
}

export function cleanLines(text: string): string[] {
  return text.split(/\r\n?|\n/).map(cleanLine);
}
