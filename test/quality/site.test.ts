import { rm } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkAccessibility, formatA11yProblems } from "../../scripts/tools/quality/axe.ts";
import { listFiles } from "../../scripts/build/list-files.ts";
import { checkLinks, formatBrokenLinks } from "../../scripts/tools/quality/links.ts";
import { GATE_PAGES } from "../../scripts/tools/quality/pages.ts";
import { formatPageWeight, PAGE_WEIGHT_BUDGET, pageWeight } from "../../scripts/tools/quality/page-weight.ts";
import { startPreviewServer } from "../../scripts/tools/preview-server.ts";
import { formatVnuMessages, validateHtml } from "../../scripts/tools/quality/vnu.ts";
import { buildFixtureSite } from "../support/fixture-site.ts";

// The gates on a real build of a fixture site (generated articles, with the real first article in it).
// The build of content/ itself is gated once, by `npm run audit` in CI, so an editor's change cannot fail a test.
describe("quality gates on built sites", () => {
  let dir: string;
  let fixtureSite: string;
  beforeAll(async () => {
    dir = await buildFixtureSite(60);
    fixtureSite = join(dir, "_site");
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("builds every page the browser gates open", async () => {
    const html = new Set(await listFiles(fixtureSite, [".html"]));
    expect(html.size).toBeGreaterThan(60);
    for (const { path } of GATE_PAGES) {
      const file = path.split("?")[0]!.replace(/^\//, "").replace(/(^|\/)$/, "$1index.html");
      expect(html, `${path} is not in the fixture site`).toContain(file);
    }
  });

  it("passes the Nu Html Checker with zero errors", async () => {
    const { errors } = await validateHtml([fixtureSite]);
    expect(formatVnuMessages(errors, dir)).toBe("");
  });

  it("has no broken internal links, images or fragments", async () => {
    expect(formatBrokenLinks(await checkLinks(fixtureSite))).toBe("");
  });

  it("keeps an article page's HTML + CSS + JS under 30 KB gzipped", async () => {
    const article = GATE_PAGES.find((p) => p.name === "article")!;
    const weight = await pageWeight(fixtureSite, article.path);
    console.log(formatPageWeight(weight));
    expect(weight.parts.map((p) => p.kind)).toContain("css");
    expect(weight.gzipTotal).toBeLessThanOrEqual(PAGE_WEIGHT_BUDGET);
  });

  it("has no WCAG 2.1 AA violations and works by keyboard at 375 and 1280 px", async () => {
    const server = await startPreviewServer({ root: fixtureSite });
    try {
      const problems = await checkAccessibility({ baseUrl: server.url });
      expect(formatA11yProblems(problems)).toBe("");
    } finally {
      await server.close();
    }
  });
});
