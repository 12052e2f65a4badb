/**
 * Vietnamese text forms shared by the search index (build) and the search client (browser).
 *
 * Pagefind 1.6 already folds combining marks (it strips \p{M} after NFD) and ranks exact
 * diacritics higher. It misses three things we fix here, the same way on both sides:
 * - NFD input: we compose to NFC first, so marks are kept as real diacritics.
 * - Tone placement: "hoà"/"hòa", "thuỷ"/"thủy" become one canonical spelling.
 * - đ/Đ is a letter, not d + mark, so Pagefind never folds it to d. We spell it as d/D plus
 *   U+0335 (combining short stroke overlay): Pagefind then folds it like any other mark, and a
 *   query typed with đ still matches exactly. `fromIndexText` turns it back into đ for display.
 */

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;
const STROKE = "\u0335";

/**
 * Words ending in oa / oe / uy (not after q) whose tone mark sits on either vowel:
 * the two tone placements in use ("hòa" old style, "hoà" new style).
 */
const AMBIGUOUS_ENDING =
  /[\p{L}\p{M}]*(?:[oòóỏõọ][aàáảãạeèéẻẽẹ]|[uùúủũụ][yỳýỷỹỵ])(?![\p{L}\p{M}])/giu;
const BARE_CLUSTER_AT_END = /(?:^|[^q])(?:o[ae]|uy)$/i;

/** One syllable to the old-style placement (tone on the first vowel of oa/oe/uy): hoà → hòa. */
function canonicalTone(word: string): string {
  const decomposed = word.normalize("NFD");
  const tones = decomposed.match(TONE_MARKS);
  if (!tones || tones.length !== 1) return word;
  const bare = decomposed.replace(TONE_MARKS, "");
  if (!BARE_CLUSTER_AT_END.test(bare)) return word;
  const firstVowel = bare.length - 2;
  return (bare.slice(0, firstVowel + 1) + tones[0] + bare.slice(firstVowel + 1)).normalize("NFC");
}

/** NFC with one tone placement: the form we store, display and compare. */
export function normalizeVietnamese(text: string): string {
  return text.normalize("NFC").replace(AMBIGUOUS_ENDING, canonicalTone);
}

/** Fully folded form: no marks, đ→d, lower case. "Đặng Ngọc Dũng" → "dang ngoc dung". */
export function foldVietnamese(text: string): string {
  return normalizeVietnamese(text)
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase();
}

/** The text we hand to Pagefind (content and queries alike). */
export function toIndexText(text: string): string {
  return normalizeVietnamese(text).replace(/đ/g, `d${STROKE}`).replace(/Đ/g, `D${STROKE}`);
}

/** Index text back to what readers should see. */
export function fromIndexText(text: string): string {
  return text.replace(/d\u0335/g, "đ").replace(/D\u0335/g, "Đ");
}

/** Whether a query word carries any Vietnamese diacritic (so an exact match means something). */
export function hasDiacritics(word: string): boolean {
  return foldVietnamese(word) !== normalizeVietnamese(word).toLowerCase();
}
