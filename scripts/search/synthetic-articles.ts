import type { SearchDocument } from "./index-html.ts";

/**
 * Synthetic Vietnamese-looking articles for measuring the index at scale: syllables built
 * from onsets × rhymes × tones (a few thousand distinct ones) drawn with a Zipf-like
 * distribution, so the vocabulary and the index grow roughly as real text does.
 */
const ONSETS = ["", "b", "c", "ch", "d", "đ", "g", "gi", "h", "k", "kh", "l", "m", "n", "ng", "nh", "ph", "qu", "s", "t", "th", "tr", "v", "x"];
const RHYMES = [
  "a", "ai", "am", "an", "ang", "anh", "ao", "at", "ay", "ac", "ach", "e", "em", "en", "et", "eo", "ê", "êm", "ên",
  "ênh", "êu", "i", "im", "in", "inh", "it", "iu", "ia", "iêm", "iên", "iêt", "iêu", "o", "oa", "oai", "oan", "oang",
  "oanh", "oc", "oi", "om", "on", "ong", "ô", "ôi", "ôm", "ôn", "ông", "ơ", "ơi", "ơn", "u", "ua", "ui", "un", "ung",
  "ut", "uy", "uyên", "ư", "ưa", "ưng", "ươi", "ương", "ươc", "ưu",
];
const TONES = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"];
const CATEGORIES = ["Liên hiệp Hội", "Hội thành viên", "Khoa học - Công nghệ", "Phổ biến kiến thức", "Thông báo", "Văn bản"];

function syllables(): string[] {
  const all: string[] = [];
  for (const rhyme of RHYMES) {
    // The tone sits on the rhyme's first vowel: close enough for measuring sizes.
    const at = rhyme.search(/[aeiouyêôơưă]/) + 1;
    for (const tone of TONES) {
      for (const onset of ONSETS) all.push((onset + rhyme.slice(0, at) + tone + rhyme.slice(at)).normalize("NFC"));
    }
  }
  return all;
}

/** Deterministic PRNG (mulberry32), so every run measures the same site. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function syntheticArticles(count: number, seed = 20200229): SearchDocument[] {
  const next = random(seed);
  const words = syllables();
  // Shuffle, then weight rank r by 1/(r+10): a Zipf-like spread over the syllables.
  for (let i = words.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [words[i], words[j]] = [words[j]!, words[i]!];
  }
  const cumulative: number[] = [];
  let total = 0;
  for (let r = 0; r < words.length; r++) cumulative.push((total += 1 / (r + 10)));
  const word = () => {
    const x = next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return words[lo]!;
  };
  const sentence = (length: number) => {
    const text = Array.from({ length }, word).join(" ");
    return text.charAt(0).toUpperCase() + text.slice(1) + ".";
  };

  return Array.from({ length: count }, (_, i) => {
    const paragraphs = Array.from({ length: 4 + Math.floor(next() * 4) }, () =>
      Array.from({ length: 3 + Math.floor(next() * 3) }, () => sentence(12 + Math.floor(next() * 14))).join(" "),
    );
    const day = new Date(Date.UTC(2015, 0, 1) + Math.floor(next() * 3650) * 86_400_000).toISOString().slice(0, 10);
    return {
      url: `/tin-tuc/${day.slice(0, 4)}/${day.slice(5, 7)}/bai-${i + 1}/`,
      title: sentence(6 + Math.floor(next() * 8)).slice(0, -1),
      html: paragraphs.map((p) => `<p>${p}</p>`).join("\n"),
      dateIso: `${day}T08:00:00+07:00`,
      category: CATEGORIES[i % CATEGORIES.length],
      summary: paragraphs[0]!.split(".")[0] + ".",
    };
  });
}
