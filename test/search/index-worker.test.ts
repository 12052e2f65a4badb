import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildSearchIndexInWorker } from "../../scripts/build/search/build-index.ts";
import { tempDirs } from "../support/temp-dirs.ts";

// A production build indexes in a worker thread (index-worker.ts); its failures must read as the index's own.
describe("the search index in a worker thread", () => {
  const dirs = tempDirs("lhh-index-worker-");
  const out = dirs.make;
  afterAll(dirs.removeAll);

  it("writes the bundle and answers with its summary", async () => {
    const dir = await out();
    const summary = await buildSearchIndexInWorker([{ url: "/gioi-thieu/", title: "Giới thiệu", html: "<p>Liên hiệp Hội tỉnh Quảng Ngãi.</p>" }], dir);
    expect(summary).toMatchObject({ pages: 1, pagefindDir: join(dir, "pagefind") });
    expect(await readdir(join(dir, "pagefind"))).toContain("pagefind-entry.json");
  });

  it("fails with the index's own message (not the zopfli runtime's \"abort(…)\")", async () => {
    const failed = buildSearchIndexInWorker([{ url: "../ngoai", title: "Lạ", html: "<p>x</p>" }], await out());
    await expect(failed).rejects.toThrow(/^Search index: \.\.\/ngoai is not a site path$/);
  });
});
