import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../../scripts/tools/quality/browser.ts";
import { startPreviewServer, type PreviewServer } from "../../scripts/tools/preview-server.ts";
import { buildFixtureSite } from "../support/fixture-site.ts";

let server: PreviewServer;
let browser: Browser;
let articleUrl: string;
let dir: string;

beforeAll(async () => {
  // With the site's address set, as on Netlify: absolute URLs in the pages must not need the policy loosened.
  dir = await buildFixtureSite(12, { URL: "https://lhh.example.org" });
  const outputDir = join(dir, "_site");
  // A control page that breaks the policy, to prove violations are seen at all. Under a folder the
  // build made: the policy is given per top-level folder of the output (scripts/build/publish/headers.ts).
  await mkdir(join(outputDir, "tin-tuc", "csp-probe"), { recursive: true });
  await writeFile(join(outputDir, "tin-tuc", "csp-probe", "index.html"), '<!doctype html><p style="color:red">x</p><script>document.title="x"</script>');
  server = await startPreviewServer({ root: outputDir });
  const home = await readFile(join(outputDir, "index.html"), "utf8");
  articleUrl = /href="(\/tin-tuc\/\d{4}\/\d{2}\/[^"]+\/)"/.exec(home)![1]!;
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Loads a page under the production CSP and returns every violation Chromium reports. */
async function violations(path: string): Promise<string[]> {
  const page = await browser.newPage();
  const found: string[] = [];
  page.on("console", (msg) => {
    if (/Content Security Policy|Refused to/i.test(msg.text())) found.push(msg.text());
  });
  const response = await page.goto(server.url + path, { waitUntil: "networkidle" });
  expect(response!.status(), path).toBe(200);
  // Without the header there would be nothing to violate.
  expect(await response!.headerValue("content-security-policy"), path).toContain("script-src 'self' 'wasm-unsafe-eval'");
  await page.close();
  return found;
}

describe("Content-Security-Policy in a browser", () => {
  it("reports an inline script and an inline style (control)", async () => {
    const found = await violations("/tin-tuc/csp-probe/");
    expect(found.some((m) => /script/i.test(m))).toBe(true);
    expect(found.some((m) => /style/i.test(m))).toBe(true);
  });
  it("the home page has no violation", async () => {
    expect(await violations("/")).toEqual([]);
  });
  it("an article has no violation", async () => {
    expect(await violations(articleUrl)).toEqual([]);
  });
  it("the search page has no violation while searching", async () => {
    expect(await violations("/tim-kiem/?q=hoi+nghi")).toEqual([]);
  });
});
