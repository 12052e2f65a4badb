import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkAccessibility } from "../../scripts/tools/quality/axe.ts";
import { startPreviewServer, type PreviewServer } from "../../scripts/tools/preview-server.ts";
import { BASE_CSS, GOOD_CSS, goodPage, writeTmpSite } from "./tmp-site.ts";

const BAD_PAGE = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Trang kém</title><link rel="stylesheet" href="/css/bad.css"></head>
<body><header><a href="/">Trang chủ</a></header>
<main id="main"><h1>Trang kém</h1><p class="mo">Chữ mờ khó đọc</p><img src="/a.png" width="4" height="3">
<a href="/tin-tuc/">Tin tức</a></main></body></html>`;
const BAD_CSS = `.mo { color: #bbb; background: #fff; } a:focus { outline: none; }`;

describe("accessibility gate (axe-core + keyboard, in Chromium)", () => {
  let site: Awaited<ReturnType<typeof writeTmpSite>>;
  let server: PreviewServer;
  beforeAll(async () => {
    site = await writeTmpSite({
      "index.html": goodPage("Trang chủ", '<p>Xin chào. <a href="/kem/">Trang kém</a></p>'),
      "kem/index.html": BAD_PAGE,
      "css/site.css": GOOD_CSS,
      "css/base.css": BASE_CSS,
      "css/bad.css": BAD_CSS,
      "js/site.js": "",
    });
    // Served with netlify.toml's headers: axe is injected through the DevTools protocol, which the
    // site's CSP must not block.
    server = await startPreviewServer({ root: site.root });
  });
  afterAll(async () => {
    await server.close();
    await site.remove();
  });

  it("passes an accessible page at phone and desktop widths", async () => {
    const problems = await checkAccessibility({ baseUrl: server.url, pages: [{ name: "home", path: "/" }] });
    expect(problems).toEqual([]);
  });

  it("reports WCAG violations, a missing skip link and invisible focus", async () => {
    const problems = await checkAccessibility({
      baseUrl: server.url,
      pages: [{ name: "bad", path: "/kem/" }],
      widths: [375],
    });
    const rules = problems.map((p) => p.rule);
    expect(rules).toEqual(expect.arrayContaining(["color-contrast", "image-alt", "skip-link", "focus-visible"]));
    expect(problems.find((p) => p.rule === "image-alt")?.targets).toEqual(["img"]);
    const unfocusable = problems.filter((p) => p.rule === "focus-visible").map((p) => p.targets[0]);
    expect(unfocusable).toEqual(['a "Tin tức"', 'a "Trang chủ"']);
  });
});
