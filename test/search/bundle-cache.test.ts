import { randomUUID } from "node:crypto";
import { mkdir, readdir, readFile, utimes, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { listFiles } from "../../scripts/build/list-files.ts";
import { buildSearchIndex, type SearchDocument } from "../../scripts/build/search/build-index.ts";
import { keepSearchBundle, restoreSearchBundle } from "../../scripts/build/search/bundle-cache.ts";
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

  // The cache's own paths, in a folder of this test's: other test files keep bundles in .cache/search meanwhile.
  describe("in the cache folder", () => {
    const bundleIn = async (text: string) => {
      const dir = await out();
      await mkdir(join(dir, "fragment"), { recursive: true });
      await writeFile(join(dir, "pagefind-entry.json"), text);
      await writeFile(join(dir, "fragment", "a.pf_fragment"), text);
      return dir;
    };
    const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000);

    it("restores nothing, and leaves nothing half-made, when the bundle is gone", async () => {
      const cache = await out();
      const fresh = join(await out(), "kept");
      expect(await restoreSearchBundle("khong-co", fresh, cache)).toBe(false);
      await expect(readdir(fresh)).rejects.toThrow(/ENOENT/);
    });

    it("keeps the newest four bundles and restores one whole", async () => {
      const cache = await out();
      for (let i = 1; i <= 6; i++) {
        await keepSearchBundle(`k${i}`, await bundleIn(`bundle ${i}`), cache);
        await utimes(join(cache, `k${i}`), hoursAgo(7 - i), hoursAgo(7 - i));
      }
      expect((await readdir(cache)).sort()).toEqual(["k3", "k4", "k5", "k6"]);
      const fresh = join(await out(), "kept");
      expect(await restoreSearchBundle("k5", fresh, cache)).toBe(true);
      expect(await readFile(join(fresh, "fragment", "a.pf_fragment"), "utf8")).toBe("bundle 5");
      expect(await readFile(join(fresh, "pagefind-entry.json"), "utf8")).toBe("bundle 5");
    });

    it("takes a second keep of the same bundle (two builds at once) without an error, and the first stays whole", async () => {
      const cache = await out();
      await keepSearchBundle("same", await bundleIn("first"), cache);
      await keepSearchBundle("same", await bundleIn("second"), cache);
      expect(await readdir(cache)).toEqual(["same"]);
      expect(await readFile(join(cache, "same", "fragment", "a.pf_fragment"), "utf8")).toBe("first");
    });

    it("removes what a killed build left aside after an hour, not a copy another build is making now", async () => {
      const cache = await out();
      for (const name of [".old-1-1", ".now-2-2"]) await mkdir(join(cache, name, "fragment"), { recursive: true });
      await utimes(join(cache, ".old-1-1"), hoursAgo(2), hoursAgo(2));
      await keepSearchBundle("k", await bundleIn("k"), cache);
      expect((await readdir(cache)).sort()).toEqual([".now-2-2", "k"]);
    });
  });
});
