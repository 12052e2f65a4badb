import { describe, expect, it } from "vitest";
import {
  foldVietnamese,
  fromIndexText,
  hasDiacritics,
  normalizeVietnamese,
  toIndexText,
  toQueryText,
} from "../../scripts/build/search/vietnamese.ts";

describe("Vietnamese normalisation for search", () => {
  it("composes NFD text to NFC", () => {
    const nfd = "Triển khai nhiệm vụ".normalize("NFD");
    expect(nfd).not.toBe("Triển khai nhiệm vụ");
    expect(normalizeVietnamese(nfd)).toBe("Triển khai nhiệm vụ");
  });

  it("puts the tone of oa/oe/uy on one vowel, whichever placement was typed", () => {
    expect(normalizeVietnamese("hoà bình")).toBe("hòa bình");
    expect(normalizeVietnamese("Thuỷ lợi, KHOẺ, Uỷ ban")).toBe("Thủy lợi, KHỎE, Ủy ban");
    expect(normalizeVietnamese("hòa thủy khỏe")).toBe("hòa thủy khỏe");
    expect(normalizeVietnamese("thuỵ".normalize("NFD"))).toBe("thụy");
  });

  it("leaves syllables whose tone placement is not a matter of style", () => {
    for (const word of ["quý", "quỷ", "hoàng", "khuya", "thuyết", "xoáy", "của", "mía"]) {
      expect(normalizeVietnamese(word)).toBe(word);
    }
  });

  it("folds marks and đ/Đ for comparison", () => {
    expect(foldVietnamese("Đặng Ngọc Dũng")).toBe("dang ngoc dung");
    expect(foldVietnamese("Đà Nẵng".normalize("NFD"))).toBe("da nang");
    expect(foldVietnamese("hoà") === foldVietnamese("hòa")).toBe(true);
  });

  it("spells đ as d + combining stroke for the index, and back for display", () => {
    const indexed = toIndexText("Đặng đi Đà Nẵng");
    expect(indexed).not.toMatch(/[đĐ]/);
    // Pagefind folds by stripping combining marks after NFD: the stroke must go the same way.
    expect(indexed.normalize("NFD").replace(/\p{M}/gu, "")).toBe("Dang di Da Nang");
    expect(fromIndexText(indexed)).toBe("Đặng đi Đà Nẵng");
    expect(toIndexText("hoà".normalize("NFD"))).toBe("hòa");
  });

  it("spells the i/y variants (kĩ/kỹ, lí/lý, quí/quý, hi/hy) with y, and shows the i the author wrote", () => {
    expect(foldVietnamese("kĩ năng, Lí luận, mĩ thuật, công ti, hi vọng, quí")).toBe("ky nang, ly luan, my thuat, cong ty, hy vong, quy");
    expect(foldVietnamese("KỸ SƯ Lý")).toBe("ky su ly");
    expect(toQueryText("kĩ thuật")).toBe("kỹ thuật");
    const indexed = toIndexText("Kĩ năng và kỹ thuật");
    expect(indexed).toBe("Kỹ\u2060 năng và kỹ thuật");
    // Pagefind drops the word joiner from the word, so both spellings are one word...
    expect(indexed.normalize("NFD").replace(/[\p{M}\u2060]/gu, "")).toBe("Ky nang va ky thuat");
    // ...and the reader sees what the author wrote.
    expect(fromIndexText(indexed)).toBe("Kĩ năng và kỹ thuật");
  });

  it("rewrites the same word the same way wherever it stands: in markup, beside digits, twice, already indexed", () => {
    const text = '<p class="hoà">Kĩ 2hoà, kĩ\u2060 thuỷ-lợi; KĨ</p> kĩ';
    expect(toIndexText(text)).toBe('<p class="hòa">Kỹ\u2060 2hòa, kĩ\u2060 thủy-lợi; KỸ\u2060</p> kỹ\u2060');
    expect(toIndexText(toIndexText(text))).toBe(toIndexText(text));
  });

  it("leaves the syllables whose i or y never varies", () => {
    for (const text of ["chi hội", "vi sinh", "thi đua", "y tế", "Nguyễn Thị Vy", "kiến thức", "quyết định", "ký kết"]) {
      expect(fromIndexText(toIndexText(text))).toBe(text);
      expect(fromIndexText(toQueryText(text))).toBe(text);
    }
  });

  it("knows which query words carry diacritics", () => {
    expect(hasDiacritics("nấm")).toBe(true);
    expect(hasDiacritics(toIndexText("đi"))).toBe(true);
    expect(hasDiacritics("nam")).toBe(false);
    expect(hasDiacritics("2020")).toBe(false);
    expect(hasDiacritics("ki")).toBe(false);
  });
});
