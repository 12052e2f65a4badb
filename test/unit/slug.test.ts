import { describe, expect, it } from "vitest";
import { slugify } from "../../scripts/build/model/slug.ts";

describe("slugify", () => {
  it("strips Vietnamese marks and turns đ/Đ into d", () => {
    expect(slugify("Triển khai nhiệm vụ năm 2020")).toBe("trien-khai-nhiem-vu-nam-2020");
    expect(slugify("Đặng Ngọc Dũng – Đà Nẵng")).toBe("dang-ngoc-dung-da-nang");
  });
  it("gives the same slug for NFD input", () => {
    expect(slugify("Quảng Ngãi".normalize("NFD"))).toBe("quang-ngai");
  });
  it("collapses punctuation and trims hyphens", () => {
    expect(slugify("  Hội thi: Sáng tạo (lần thứ 11)!  ")).toBe("hoi-thi-sang-tao-lan-thu-11");
  });
});
