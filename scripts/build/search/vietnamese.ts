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
 * - i/y spelling variants (kĩ/kỹ, lí/lý, mĩ/mỹ, sĩ/sỹ, hi/hy, ti/ty, quí/quý) are one word: the
 *   index and the query spell them with y. In the index an i-spelling keeps a WORD JOINER after
 *   the vowel (Pagefind drops it from the word but keeps it in the excerpt text), so display
 *   turns it back into the i the author wrote.
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

/** i and y with each tone, lower and upper case, at the same index. */
const I_FORMS = "iìíỉĩịIÌÍỈĨỊ";
const Y_FORMS = "yỳýỷỹỵYỲÝỶỸỴ";
const I_MARK = "\u2060";
/**
 * A syllable whose whole rhyme is i or y after h, k, l, m, s, t or qu: the pairs where
 * Vietnamese spelling allows either letter. Other syllables (chi, vi, thi, y tế) never vary.
 */
const IY_SYLLABLE = new RegExp(`(?<![\\p{L}\\p{M}])(h|k|l|m|s|t|qu)([${I_FORMS}${Y_FORMS}])(?![\\p{L}\\p{M}\\u2060])`, "giu");

/** kĩ → kỹ: the y spelling; `mark` keeps a trace of an i (index text, for display). */
function ySpelling(text: string, mark: boolean): string {
  return text.replace(IY_SYLLABLE, (_, onset: string, vowel: string) => {
    const i = I_FORMS.indexOf(vowel);
    return i < 0 ? onset + vowel : onset + Y_FORMS[i] + (mark ? I_MARK : "");
  });
}

function strokeD(text: string): string {
  return text.replace(/đ/g, `d${STROKE}`).replace(/Đ/g, `D${STROKE}`);
}

/** A run of letters and marks, with the word joiner an i-spelling may already carry. */
const WORD = /[\p{L}\p{M}]+\u2060?/gu;
const indexWords = new Map<string, string>();

/**
 * The text we hand to Pagefind to index. Every rule above looks at one run of letters alone, so
 * each distinct word is rewritten once (a site's words repeat: this was seconds at 20,000 articles).
 */
export function toIndexText(text: string): string {
  return text.normalize("NFC").replace(WORD, (word) => {
    let indexed = indexWords.get(word);
    if (indexed === undefined) {
      indexed = strokeD(ySpelling(normalizeVietnamese(word), true));
      if (indexWords.size < 200_000) indexWords.set(word, indexed);
    }
    return indexed;
  });
}

/** A query as Pagefind must see it to match the index: like `toIndexText`, without display traces. */
export function toQueryText(text: string): string {
  return strokeD(ySpelling(normalizeVietnamese(text), false));
}

/** Index text back to what readers should see. */
export function fromIndexText(text: string): string {
  return text
    .replace(/d\u0335/g, "đ")
    .replace(/D\u0335/g, "Đ")
    .replace(/(\p{L})\u2060/gu, (_, y: string) => I_FORMS[Y_FORMS.indexOf(y)] ?? y);
}

/**
 * Fully folded form, as Pagefind compares words: no marks, đ→d, i/y variants with y, lower case.
 * Works on plain and index text alike. "Đặng Ngọc Dũng" → "dang ngoc dung", "kĩ" → "ky".
 */
export function foldVietnamese(text: string): string {
  return toQueryText(text).normalize("NFD").replace(/[\p{M}\u2060]/gu, "").toLowerCase();
}

/** Whether a query word carries any Vietnamese diacritic (so an exact match means something). */
export function hasDiacritics(word: string): boolean {
  return /[\p{M}đĐ]/u.test(word.normalize("NFD"));
}
