import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPreviewServer, type PreviewServer } from "../../scripts/tools/preview-server.ts";
import { article, buildContent, makeContent } from "../support/content.ts";

const ARTICLE = "/tin-tuc/2020/02/trien-khai/";
let server: PreviewServer;
let outputDir: string;

beforeAll(async () => {
  const dir = await makeContent({
    "tin-tuc/2020/trien-khai.md": article({
      title: "Triển khai nhiệm vụ năm 2020",
      date: "2020-02-29T15:41:14+07:00",
      category: "lien-hiep-hoi",
      legacy_url: "[/i1644-hoi-nghi-ban-chap-hanh.aspx, /gioi-thieu-cu.aspx]",
    }),
  });
  const built = await buildContent(dir, { URL: "https://lhh.example.org" });
  expect(built.status, built.stderr).toBe(0);
  outputDir = built.outputDir;
  server = await startPreviewServer({ root: outputDir });
});
afterAll(() => server?.close());

const get = (path: string) => fetch(server.url + path, { redirect: "manual" });

describe("a production build served like Netlify", () => {
  it("writes feeds, sitemaps and robots.txt that are well-formed", async () => {
    for (const file of ["feed.xml", "chuyen-muc/lien-hiep-hoi/feed.xml", "sitemap.xml", "sitemap-news.xml"]) {
      expect(XMLValidator.validate(await readFile(join(outputDir, file), "utf8")), file).toBe(true);
    }
    expect(await readFile(join(outputDir, "robots.txt"), "utf8")).toContain("Sitemap: https://lhh.example.org/sitemap.xml");
  });

  it("redirects the article's old addresses with 301", async () => {
    for (const old of ["/i1644-hoi-nghi-ban-chap-hanh.aspx", "/i1644-khac.aspx", "/Default.aspx?id=1644", "/gioi-thieu-cu.aspx"]) {
      const res = await get(old);
      expect(res.status, old).toBe(301);
      expect(new URL(res.headers.get("location")!).pathname, old).toBe(ARTICLE);
    }
    expect((await get(ARTICLE)).status).toBe(200);
  });

  it("applies netlify.toml's headers", async () => {
    const page = await get(ARTICLE);
    expect(page.headers.get("content-security-policy")).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(page.headers.get("cache-control")).toBe("public, max-age=0, must-revalidate");
    expect(page.headers.get("x-content-type-options")).toBe("nosniff");
    const html = await page.text();
    const css = /href="(\/assets\/[^"]+\.css)"/.exec(html)![1]!;
    expect((await get(css)).headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
  });

  it("answers unknown paths with the site's 404 page, and adds the trailing slash", async () => {
    const missing = await get("/khong-co/");
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain("<html");
    const bare = await get(ARTICLE.slice(0, -1));
    expect(bare.status).toBe(301);
    expect(bare.headers.get("location")).toBe(ARTICLE);
  });
});
