import { describe, expect, it } from "vitest";
import { buildVocabulary, closeWords, hasPrefix } from "../../scripts/build/search/vocabulary.ts";

describe("the index's vocabulary", () => {
  it("folds spellings of one word together, counts documents once each, shows the most used spelling", () => {
    const { words } = buildVocabulary([
      "Hòa bình hòa hợp, kĩ thuật",
      "hoà giải KỸ THUẬT kỹ sư",
      "thu\u1ef7 l\u1ee3i", // NFC
      "thuy\u0309 lo\u031b\u0323i", // the same words decomposed (NFD)
    ]);
    const byFolded = new Map(words.map(([folded, display, docs]) => [folded, { display, docs }]));
    expect(byFolded.get("hoa")).toEqual({ display: "hòa", docs: 2 });
    expect(byFolded.get("ky")).toEqual({ display: "kỹ", docs: 2 });
    expect(byFolded.get("thuy")).toEqual({ display: "thủy", docs: 2 });
    expect(byFolded.get("loi")).toEqual({ display: "lợi", docs: 2 });
    expect(words.map((w) => w[0])).toEqual([...words.map((w) => w[0])].sort());
  });

  it("leaves out numbers, one-letter words and over-long tokens; keeps words with digits and đ folded to d", () => {
    const { words } = buildVocabulary(["2026 a Đường 5G " + "x".repeat(30)]);
    expect(words.map((w) => w[0])).toEqual(["5g", "duong"]);
    expect(words.find((w) => w[0] === "duong")![1]).toBe("đường");
  });

  it("answers prefix and one-edit lookups", () => {
    const vocabulary = buildVocabulary(["quảng ngãi khoa học", "khoa học công nghệ"]);
    expect(hasPrefix(vocabulary, "ngh")).toBe(true);
    expect(hasPrefix(vocabulary, "xyz")).toBe(false);
    expect(closeWords(vocabulary, "khao").map((c) => [c.display, c.edit, c.docs])).toEqual([["khoa", "swapped", 2]]);
  });
});
