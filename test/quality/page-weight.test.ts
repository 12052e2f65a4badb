import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pageWeight } from "../../scripts/tools/quality/page-weight.ts";
import { BASE_CSS, GOOD_CSS, goodPage, writeTmpSite } from "./tmp-site.ts";

describe("page weight", () => {
  const page = goodPage("Bài viết", '<p>Nội dung</p><img src="/img/a.jpg" alt="Ảnh" width="4" height="3">');
  const js = "document.documentElement.classList.add('js');\n".repeat(20);
  let site: Awaited<ReturnType<typeof writeTmpSite>>;
  beforeAll(async () => {
    site = await writeTmpSite({
      "tin-tuc/bai/index.html": page,
      "css/site.css": GOOD_CSS,
      "css/base.css": BASE_CSS,
      "js/site.js": js,
      "img/a.jpg": "x".repeat(50_000),
      "fonts/site.woff2": "y".repeat(50_000),
      "nang/index.html": page.replace("</main>", `<p>${randomBytes(40_000).toString("hex")}</p></main>`),
    });
  });
  afterAll(() => site.remove());

  it("adds the gzipped HTML, stylesheets (with @import) and scripts, not images or fonts", async () => {
    const weight = await pageWeight(site.root, "/tin-tuc/bai/");
    expect(weight.parts.map((p) => [p.kind, p.path])).toEqual([
      ["html", "/tin-tuc/bai/"],
      ["css", "/css/site.css"],
      ["js", "/js/site.js"],
      ["css", "/css/base.css"],
    ]);
    const expected = [page, GOOD_CSS, js, BASE_CSS].reduce((sum, text) => sum + gzipSync(text).length, 0);
    expect(weight.gzipTotal).toBe(expected);
    expect(weight.gzipTotal).toBeLessThan(2_000);
  });

  it("fails the CLI for a page above the 30 KB budget and passes a light one", async () => {
    const weight = await pageWeight(site.root, "/nang/");
    expect(weight.gzipTotal).toBeGreaterThan(30_000);
    const cli = (page: string) =>
      spawnSync("npx", ["tsx", "scripts/tools/quality/page-weight.ts", site.root, "--page", page], { encoding: "utf8" });
    const heavy = cli("/nang/");
    expect(heavy.status).toBe(1);
    expect(heavy.stderr).toContain(`/nang/: ${weight.gzipTotal} B gzipped is over the budget of 30000 B`);
    const light = cli("/tin-tuc/bai/");
    expect(light.status).toBe(0);
    expect(light.stdout).toMatch(/^\/tin-tuc\/bai\/: \d+ B gzipped/);
  });
});
