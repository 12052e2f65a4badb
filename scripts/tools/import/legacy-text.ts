import { toTCVN3, toUnicode, toVNI } from "vietnamese-conversion";
import { detectLegacyEncoding, type LegacyEncoding } from "../../build/check/legacy-encoding.ts";

/** Old Vietnamese fonts name their encoding: .VnTime / .VnArial (TCVN3), VNI-Times (VNI); "…H" fonts are capitals. */
export function fontEncoding(face: string): { encoding: LegacyEncoding; capitals: boolean } | null {
  const first = face.split(",")[0]!.trim().replace(/^["']|["']$/g, "");
  if (/^\.?Vn/i.test(first) && first.startsWith(".")) return { encoding: "TCVN3", capitals: /H$/.test(first) };
  if (/^VNI[- ]/i.test(first)) return { encoding: "VNI", capitals: false };
  return null;
}

// Vietnamese syllables: initial consonant, vowel nucleus, final consonant, and at most one tone mark.
const NUCLEI =
  "a ă â e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi ơi oo ua uâ uê ui uô uơ ưa ưi ưu ươ uy yê " +
  "iêu oai oao oay oeo uây uôi ươi ươu uyê uya uyu yêu";
const SYLLABLE = new RegExp(`^(ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|[bcdđghklmnpqrstvx])?(${NUCLEI.split(" ").sort((a, b) => b.length - a.length).join("|")})(ch|ng|nh|[cmnpt])?$`);
const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;

/** Every word with a Vietnamese letter is a Vietnamese syllable (ASCII words may be names or abbreviations). */
function vietnameseWords(text: string): boolean {
  return (text.match(/\p{L}+/gu) ?? []).every((word) => {
    if (/^[A-Za-z]+$/.test(word) || /^[A-ZĐ]{2,}$/u.test(word)) return true;
    const lower = word.toLocaleLowerCase("vi");
    // Split off the tone, keep the hats and horns (ă â ê ô ơ ư) and đ.
    const decomposed = lower.normalize("NFD");
    if ((decomposed.match(TONES) ?? []).length > 1) return false;
    const base = decomposed.replace(TONES, "").normalize("NFC");
    return SYLLABLE.test(base) || (base === "gi" || base === "gin");
  });
}
const VIET_LETTERS = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/iu;

export type LegacyConversion = { certain: true; text: string } | { certain: false };

/**
 * Text typed in TCVN3 or VNI and stored as Latin-1 characters → Unicode NFC. Certain only when the
 * result is Vietnamese, shows no trace of the old encoding, and converts back to the same bytes.
 */
export function convertLegacy(text: string, encoding: LegacyEncoding, capitals = false): LegacyConversion {
  // Already Unicode beyond Latin-1 (an editor retyped it), or nothing to convert.
  if (/[^\u0000-\u00ff]/.test(text.replace(/[\u2018\u2019\u201c\u201d\u2013\u2014\u2026]/g, ""))) return { certain: false };
  const converted = toUnicode(text, encoding === "TCVN3" ? "tcvn3" : "vni").normalize("NFC");
  const back = encoding === "TCVN3" ? toTCVN3(converted, "unicode") : toVNI(converted, "unicode");
  const ok = back === text && vietnameseWords(converted) && detectLegacyEncoding(converted) === null;
  if (!ok) return { certain: false };
  return { certain: true, text: capitals ? converted.toLocaleUpperCase("vi") : converted };
}

const NOT_VIETNAMESE_LATIN1 = /[\u00a1-\u00bf\u00c4-\u00c7\u00cb\u00ce-\u00d1\u00d6-\u00d8\u00db\u00dc\u00de-\u00df\u00e4-\u00e7\u00eb\u00ee-\u00f1\u00f6-\u00f8\u00fb\u00fc\u00fe\u00ff]/;

/** A paragraph typed in an old encoding without a font to say so: converted only when certain. */
export function detectAndConvert(text: string): { encoding: LegacyEncoding; result: LegacyConversion } | null {
  // Cheap test first: old-encoding text always has Latin-1 signs that Unicode Vietnamese never uses.
  if (!NOT_VIETNAMESE_LATIN1.test(text)) return null;
  const encoding = detectLegacyEncoding(text);
  if (!encoding) return null;
  const result = convertLegacy(text, encoding);
  // A conversion that yields no Vietnamese letter at all is not evidence of anything.
  return { encoding, result: result.certain && !VIET_LETTERS.test(result.text) ? { certain: false } : result };
}

/** The warning for old-encoding text left as it was. */
export function legacyWarning(encoding: string, what: string): string {
  const source = encoding === "TCVN3" ? "TCVN3 (ABC)" : "VNI Windows";
  return (
    `${what} có vẻ gõ bằng bảng mã cũ ${encoding} nhưng không chuyển chắc chắn được — đã giữ nguyên; ` +
    `hãy chuyển bằng UniKey (Công cụ… → nguồn ${source}, đích Unicode) rồi dán lại vào bài`
  );
}
