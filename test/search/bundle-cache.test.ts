import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { listFiles } from "../../scripts/build/list-files.ts";
import { buildSearchIndex, type SearchDocument } from "../../scripts/build/search/build-index.ts";
import { tempDirs } from "../support/temp-dirs.ts";

// The search bundle a build keeps in .cache/search/ for the next one (scripts/build/search/bundle-cache.ts).
describe("the search bundle kept between builds", () => {
  const dirs = tempDirs("lhh-bundle-cache-");
  const out = dirs.make;
  afterAll(dirs.removeAll);

  // A word no other test indexes: this content's first build cannot find a bundle kept by another.
  const word = `mã${randomUUID().replace(/-/g, "").slice(0, 12)}`;
  const docs: SearchDocument[] = [
    { url: "/tin-tuc/2024/01/hoi-nghi/", title: "Hội nghị Ban chấp hành", html: `<p>Hội nghị tổng kết, ${word}.</p>`, dateIso: "2024-01-05T08:00:00+07:00", category: "Tin tức" },
    { url: "/tin-tuc/2024/02/hoi-thi/", title: "Hội thi sáng tạo kỹ thuật", html: `<p>Phát động hội thi, ${word}.</p>`, dateIso: "2024-02-05T08:00:00+07:00", category: "Tin tức" },
    { url: "/trang/gioi-thieu/", title: "Giới thiệu", html: "<p>Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Quảng Ngãi.</p>" },
  ];
  const pageCount = async (dir: string) =>
    Object.values((JSON.parse(await readFile(join(dir, "pagefind", "pagefind-entry.json"), "utf8")) as { languages: Record<string, { page_count: number }> }).languages)[0]!
      .page_count;
  const bundle = async (dir: string) => {
    const files = await listFiles(join(dir, "pagefind"));
    return Object.fromEntries(await Promise.all(files.map(async (f) => [f, (await readFile(join(dir, "pagefind", f))).toString("base64")])));
  };

  it("is copied, byte for byte, when nothing indexed has changed", async () => {
    const [first, second] = [await out(), await out()];
    expect((await buildSearchIndex(docs, first)).fromCache).toBe(false);
    const again = await buildSearchIndex(docs, second);
    expect(again.fromCache).toBe(true);
    expect(again.pages).toBe(3);
    expect(await bundle(second)).toEqual(await bundle(first));
  });

  it("is made afresh when a page is deleted or edited, without the deleted page", async () => {
    const fewer = await out();
    const withoutOne = await buildSearchIndex(docs.slice(1), fewer);
    expect(withoutOne.fromCache).toBe(false);
    expect(await pageCount(fewer)).toBe(2);
    const edited = await out();
    const changed = docs.map((doc, i) => (i === 0 ? { ...doc, title: "Hội nghị Ban chấp hành (sửa)" } : doc));
    expect((await buildSearchIndex(changed, edited)).fromCache).toBe(false);
    expect(await bundle(edited)).not.toEqual(await bundle(fewer));
  });

  it("is not used with cache: false (npm run bench, SEARCH_INDEX_CACHE=off)", async () => {
    const dir = await out();
    await buildSearchIndex(docs, await out());
    expect((await buildSearchIndex(docs, dir, { cache: false })).fromCache).toBe(false);
    expect(await pageCount(dir)).toBe(3);
  });
});
