import type { ContentIssue } from "../content/issues.ts";

/**
 * Vietnamese text typed in the pre-Unicode encodings and then read as
 * Windows-1252 keeps its tell-tale Latin-1 characters. Each pattern below
 * never occurs in correct Vietnamese, so a few hits are enough evidence.
 */
export type LegacyEncoding = "TCVN3" | "VNI";

// TCVN3 (ABC) letters outside any Vietnamese alphabet, touching a letter: ¸ = á, µ = à, ¶ = ả, ® = đ,
// ­ (soft hyphen) = ư … « (ô) and · (ã) follow a letter and » (ằ) precedes one, unlike quotes and dots.
const TCVN3_SIGNS =
  /(?<=\p{L})[¸µ¶¹¨¾¼½©ª®ÇÈÉËÌÎÏ×ØÜÞß¬\u00ad¡¢£¤¥¦§]|[¸µ¶¹¨¾¼½©ª®ÇÈÉËÌÎÏ×ØÜÞß¬\u00ad¡¢£¤¥¦§](?=\p{L})|(?<=\p{L})[«·]|»(?=\p{L})|(?<=[a-z])[ÐÒÓÔÕÖÝÆ]/gu;
// VNI-Windows writes a tone or hat as a second character after the vowel:
// "aø" = à, "eá" = ế, "oä" = ộ; "ñ" = đ.
const VNI_SIGNS = /[aeiouyAEIOUY][ùøûõïäåëü]|[aeoAEO][âêÂÊ]|[ñÑ](?=[a-zà-ÿ])/g;

const count = (text: string, re: RegExp) => text.match(re)?.length ?? 0;

/** 'TCVN3' or 'VNI' when the text shows that encoding's patterns, otherwise null. */
export function detectLegacyEncoding(text: string): LegacyEncoding | null {
  const words = text.split(/\s+/).filter(Boolean).length;
  const tcvn3 = count(text, TCVN3_SIGNS);
  const vni = count(text, VNI_SIGNS);
  const hits = Math.max(tcvn3, vni);
  // Two signs, and not one in a thousand words (a German name, a stray "«").
  if (hits < 2 || hits < words * 0.02) return null;
  return tcvn3 >= vni ? "TCVN3" : "VNI";
}

export function legacyEncodingHint(encoding: LegacyEncoding): string {
  const source = encoding === "TCVN3" ? "TCVN3 (ABC)" : "VNI Windows";
  return (
    `chữ có vẻ gõ bằng bảng mã cũ ${encoding} — chuyển sang Unicode bằng UniKey ` +
    `(nhấp phải biểu tượng UniKey → "Công cụ… [CS+F6]", nguồn ${source}, đích Unicode), rồi dán lại`
  );
}

/** One error per file whose text is in a legacy encoding, at its first such line. */
export function checkLegacyEncoding(text: string, file: string): ContentIssue[] {
  const encoding = detectLegacyEncoding(text);
  if (!encoding) return [];
  const signs = encoding === "TCVN3" ? TCVN3_SIGNS : VNI_SIGNS;
  const index = text.split("\n").findIndex((line) => count(line, signs) > 0);
  return [{ file, line: index + 1, field: "encoding", message: legacyEncodingHint(encoding), severity: "error" }];
}
