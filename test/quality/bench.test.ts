import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runFloor } from "../../scripts/tools/bench/floor.ts";
import { runMeasured, statsLines } from "../../scripts/tools/bench/measure.ts";
import { listFiles } from "../../scripts/build/list-files.ts";

const run = promisify(execFile);

// The benchmark's parts, on small inputs; its times are reported, never asserted.
describe("benchmark parts", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "quality-bench-"));
    await run("node_modules/.bin/tsx", ["scripts/tools/cli/fixtures.ts", "--articles", "20", "--out", join(dir, "content"), "--images", "1"]);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("reads BUILD_STATS lines among other output, merging stage maps", () => {
    const stdout = [
      "[11ty] Wrote 88 files",
      'BUILD_STATS {"stages":{"load":244}}',
      'BUILD_STATS {"totalMs":545,"stages":{"render":301},"pages":84}',
      "Built 84 pages",
    ].join("\n");
    expect(statsLines("BUILD_STATS", stdout)).toEqual({ totalMs: 545, stages: { load: 244, render: 301 }, pages: 84 });
    expect(statsLines("BUILD_STATS", "no stats here")).toEqual({});
  });

  it("measures a child's peak memory with /usr/bin/time", async () => {
    const result = await runMeasured("node", ["-e", "const b = Buffer.alloc(200 * 2 ** 20, 1); console.log('OK', b[0])"]);
    expect(result.stdout.trim()).toBe("OK 1");
    expect(result.maxRssBytes).toBeGreaterThan(200 * 2 ** 20);
    await expect(runMeasured("node", ["-e", "process.exit(3)"])).rejects.toThrow(/exited with 3/);
  });

  it("floor: every article read, rendered, written and indexed by Pagefind", async () => {
    const out = join(dir, "floor");
    const stats = await runFloor(join(dir, "content"), out);
    expect(stats.pages).toBe(20);
    expect(Object.keys(stats.stages)).toEqual(["read", "render", "write", "index"]);
    const html = await listFiles(out, [".html"]);
    expect(html).toHaveLength(20);
    const first = await readFile(join(out, html[0]!), "utf8");
    expect(first).toMatch(/<main><h1>[^<]+<\/h1><p>/);
    const entry = JSON.parse(await readFile(join(out, "pagefind", "pagefind-entry.json"), "utf8")) as {
      languages: Record<string, { page_count: number }>;
    };
    expect(Object.values(entry.languages)[0]?.page_count).toBe(20);
  });
});
