import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DateTime } from "luxon";
import { renderToString } from "preact-render-to-string";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatIssue } from "../../scripts/build/content/issues.ts";
import { ZONE } from "../../scripts/build/model/dates.ts";
import { blobsServer, contentDir } from "../../test/widgets/helpers.ts";
import { formatCount } from "./format-count.ts";
import { Counter } from "./Counter.tsx";
import { baseTotalModuleSource, loadCounter, writeBaseTotalModule } from "./data.ts";
import { boundedStore } from "./bounded-store.ts";
import { recordVisit } from "./visit-log.ts";

// A build time, with milliseconds as DateTime.now() has them.
const NOW = DateTime.fromISO("2027-05-20T09:05:00.437", { zone: ZONE });
let blobs: Awaited<ReturnType<typeof blobsServer>>;
beforeAll(async () => {
  blobs = await blobsServer();
});
afterAll(async () => blobs?.stop());

describe("counter.yaml", () => {
  it("is written into the function's module by the build, only when it changed", async () => {
    const path = join(await mkdtemp(join(tmpdir(), "base-total-")), "base-total.ts");
    await writeFile(path, baseTotalModuleSource(1));
    const dir = await contentDir({ "counter.yaml": "base_total: 1234567\n" });
    expect(await writeBaseTotalModule(dir, path)).toEqual({ changed: true, issues: [] });
    expect(await readFile(path, "utf8")).toContain("export const BASE_TOTAL = 1234567;\n");
    expect(await writeBaseTotalModule(dir, path)).toEqual({ changed: false, issues: [] });
  });

  // As an editor reads them: Vietnamese, after the `path:line: field:` prefix.
  it.each([
    ["base_total: '3.994.514'\n", "1: base_total: phải là một số nguyên viết liền, không có dấu chấm, dấu cách hay dấu ngoặc kép, ví dụ `base_total: 3994514`"],
    ["base_total: 12.5\n", "1: base_total: phải là một số nguyên, không có phần lẻ, ví dụ `base_total: 3994514`"],
    ["base_total: -1\n", "1: base_total: không được là số âm — ghi tổng số lượt truy cập của trang cũ, ví dụ `base_total: 3994514`"],
    ["# trống\nbase_total:\n", "2: base_total: còn thiếu — ghi tổng số lượt truy cập của trang cũ, ví dụ `base_total: 3994514`"],
    ["total: 5\n", "1: (file): trường lạ: total — xóa hoặc sửa tên cho đúng; các trường hợp lệ: base_total"],
  ])("reports %j", async (yaml, message) => {
    const dir = await contentDir({ "counter.yaml": yaml });
    const { data, issues } = await loadCounter(dir, { now: NOW });
    expect(data).toBeUndefined();
    expect(issues.map((i) => ({ ...i, file: i.file.replace(/^.*\/_data\//, "content/_data/") })).map(formatIssue)).toContain(`content/_data/counter.yaml:${message}`);
    expect(issues.every((i) => i.severity === "error")).toBe(true);
  });
});

describe("the figure in the HTML", () => {
  it("is the old site's figure, labelled so, when the build cannot read the visit log", async () => {
    const { data } = await loadCounter(await contentDir({ "counter.yaml": "base_total: 3994514\n" }), { now: NOW });
    expect(data).toEqual({ api: "/api/visits", total: 3994514 });
    const html = renderToString(<Counter data={data!} />);
    expect(html).toContain('<dd data-counter-total="true">3.994.514</dd>');
    expect(html).toContain("Số liệu của trang web cũ");
    expect(html).toMatch(/<div data-counter-recent-row="true" hidden>/);
    expect(html).toContain('data-api="/api/visits"');
  });

  it("adds the visits recorded so far, labelled with the build time, when the build can", async () => {
    const store = blobs.store("build-read");
    const visits = boundedStore(() => store, 5_000);
    for (let i = 0; i < 3; i++) await recordVisit(visits, `abcdefghijklmnopqrstu${i}`, NOW.toMillis() - 60_000);
    const { data } = await loadCounter(await contentDir({ "counter.yaml": "base_total: 3994514\n" }), { now: NOW, store });
    expect(data).toEqual({ api: "/api/visits", total: 3994517, asOf: NOW });
    const html = renderToString(<Counter data={data!} />);
    expect(html).toContain(">3.994.517</dd>");
    // Seconds precision and the +07:00 offset, like every other date of the site.
    expect(html).toContain('Số liệu lúc <time datetime="2027-05-20T09:05:00+07:00">20/05/2027 09:05</time>');
  });
});

describe("formatCount", () => {
  it("writes counts as Vietnamese does (Intl's vi-VN grouping), without loading ICU's locale data", () => {
    const vi = new Intl.NumberFormat("vi-VN");
    for (const n of [0, 7, 999, 1000, 12345, 999999, 1000000, 3994514, 1234567890]) expect(formatCount(n)).toBe(vi.format(n));
  });
});
