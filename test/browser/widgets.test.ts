import { createServer, type Server } from "node:http";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DateTime } from "luxon";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildAssets } from "../../scripts/build/assets.ts";
import { createFunctionsMiddleware } from "../../scripts/tools/dev/functions-middleware.ts";
import { ZONE } from "../../scripts/build/model/dates.ts";
import { SITE_CSP } from "../../scripts/build/publish/headers.ts";
import { launchChromium } from "../../scripts/tools/quality/browser.ts";
import { loadSidebarData, renderSidebar } from "../../widgets/sidebar.tsx";
import { article, category, contentDir, SIDEBAR_FIXTURE } from "../widgets/helpers.ts";
import { WIDGETS } from "../../widgets/registry.ts";

/*
 * A tiny page made of the real sidebar, the site's real script and CSS (scripts/build/assets.ts), and
 * the real function behind /api/visits (local Blobs server), in Debian's Chromium.
 * Every request that is not to this server is recorded and aborted.
 */

const VIDEO_ID = "AbCdEfGhI_-";

let browser: Browser;
let server: Server;
let base = "";
const middleware = createFunctionsMiddleware({ directory: await mkdtemp(join(tmpdir(), "browser-blobs-")) });

async function page(assets: { css: string; js: string }): Promise<string> {
  const dir = await contentDir({
    ...SIDEBAR_FIXTURE,
    "videos.yaml": `- title: Hội nghị Ban chấp hành\n  youtube: ${VIDEO_ID}\n- title: Video 05 Sự kiện\n`,
    "counter.yaml": "base_total: 1000\n",
  });
  const now = DateTime.fromISO("2024-05-20T09:00", { zone: ZONE });
  const { data, issues } = await loadSidebarData(dir, [article("Thông báo mới", now.minus({ days: 1 }), category("thong-bao"))], { now });
  expect(issues.filter((i) => i.severity === "error")).toEqual([]);
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Thử</title><meta name="viewport" content="width=device-width">
<link rel="stylesheet" href="${assets.css}"><script src="${assets.js}" defer></script></head>
<body><main><h1>Trang thử</h1></main>${renderSidebar(data)}</body></html>`;
}

beforeAll(async () => {
  const assets = await buildAssets(WIDGETS);
  const files: Record<string, [string, string]> = { "/": ["text/html; charset=utf-8", await page(assets)] };
  for (const [url, content] of assets.files) files[url] = [url.endsWith(".css") ? "text/css" : "text/javascript", content];
  server = createServer((req, res) => {
    const asset = files[req.url ?? ""];
    if (!asset) {
      return middleware(req, res, () => {
        res.statusCode = 404;
        res.end();
      });
    }
    res.setHeader("content-type", asset[0]);
    res.setHeader("content-security-policy", SITE_CSP);
    res.end(asset[1]);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await middleware.close();
  await new Promise((resolve) => server?.close(resolve));
});

interface Opened {
  page: Page;
  /** Requests to anywhere but this server (all aborted). */
  external: string[];
  /** Script errors and CSP violations. */
  problems: string[];
  /** Requests whose response was received whole ("POST /api/visits"). */
  finished: string[];
}

async function open(context: BrowserContext, options: { counterDown?: boolean } = {}): Promise<Opened> {
  const page = await context.newPage();
  const opened: Opened = { page, external: [], problems: [], finished: [] };
  page.on("requestfinished", (request) => opened.finished.push(`${request.method()} ${new URL(request.url()).pathname}`));
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(`${base}/`) && !(options.counterDown && url.includes("/api/visits"))) return route.continue();
    if (!url.startsWith(`${base}/`)) opened.external.push(url);
    return route.abort();
  });
  page.on("pageerror", (error) => opened.problems.push(error.message));
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) opened.problems.push(m.text());
  });
  await page.goto(`${base}/`);
  return opened;
}

const text = (page: Page, selector: string) => page.locator(selector).first().textContent();
const live = async () => (await (await fetch(`${base}/api/visits`)).json()) as { total: number; recent: number };
const liveTotal = async () => (await live()).total;
const vi = (n: number) => new Intl.NumberFormat("vi-VN").format(n);
const waitForText = (page: Page, selector: string, expected: string) =>
  page.waitForFunction(([s, t]) => document.querySelector(s)?.textContent === t, [selector, expected] as const);

describe("visit counter", () => {
  it("counts a page once per browser, and shows the visits of the last minutes", async () => {
    const before = await live();
    const first = await browser.newContext();
    const a = await open(first);
    await waitForText(a.page, "[data-counter-total]", vi(before.total + 1));
    expect(await text(a.page, "[data-counter-recent]")).toBe(vi(before.recent + 1));
    expect(await a.page.locator("[data-counter-recent-row]").isVisible()).toBe(true);
    expect(await a.page.locator("[data-counter-note]").isVisible()).toBe(false);
    expect(await liveTotal()).toBe(before.total + 1);
    // The count's answer is read, so the request ends at once (an unread body stayed open until the 10 s timeout).
    await expect.poll(() => a.finished, { timeout: 5_000 }).toContain("POST /api/visits");

    await a.page.reload(); // the same browser, the same page, minutes later: not a new visit
    await waitForText(a.page, "[data-counter-total]", vi(before.total + 1));
    await a.page.waitForLoadState("networkidle");
    expect(await liveTotal()).toBe(before.total + 1);

    const second = await browser.newContext(); // another browser
    const b = await open(second);
    await waitForText(b.page, "[data-counter-total]", vi(before.total + 2));
    expect(await text(b.page, "[data-counter-recent]")).toBe(vi(before.recent + 2));
    expect(await liveTotal()).toBe(before.total + 2);

    for (const o of [a, b]) expect([o.external, o.problems]).toEqual([[], []]);
    expect(await b.page.evaluate(() => document.cookie)).toBe("");
    // What the browser remembers stays in it: the page and when it was counted.
    expect(Object.keys(await b.page.evaluate(() => JSON.parse(localStorage.getItem("counted-pages") ?? "{}") as object))).toEqual(["/"]);
    await Promise.all([first.close(), second.close()]);
  });

  it("keeps the build-time figure, labelled, when the request fails", async () => {
    const context = await browser.newContext();
    const o = await open(context, { counterDown: true });
    await o.page.waitForLoadState("networkidle");
    expect(await text(o.page, "[data-counter-total]")).toBe("1.000");
    expect(await o.page.locator("[data-counter-note]").textContent()).toBe("Số liệu của trang web cũ");
    expect(await o.page.locator("[data-counter-note]").isVisible()).toBe(true);
    expect(o.problems).toEqual([]);
    await context.close();
  });
});

describe("video", () => {
  it("loads the YouTube player only after a click, with an accessible title", async () => {
    const context = await browser.newContext();
    const o = await open(context);
    await o.page.waitForLoadState("networkidle");
    expect(await o.page.locator("iframe").count()).toBe(0);
    expect(o.external).toEqual([]);

    await o.page.getByRole("link", { name: "Xem video: Hội nghị Ban chấp hành", exact: true }).click();
    const frame = o.page.locator("iframe");
    await frame.waitFor({ state: "attached" });
    expect(await frame.getAttribute("src")).toBe(`https://www.youtube-nocookie.com/embed/${VIDEO_ID}?autoplay=1`);
    expect(await frame.getAttribute("title")).toBe("Hội nghị Ban chấp hành");
    expect(o.page.url()).toBe(`${base}/`);
    await o.page.waitForFunction(() => document.activeElement?.tagName === "IFRAME");
    expect(o.external.every((u) => u.startsWith("https://www.youtube-nocookie.com/embed/"))).toBe(true);
    expect(o.problems).toEqual([]);
    await context.close();
  });
});

describe("quotes", () => {
  it("shows one quote, and another on request", async () => {
    const context = await browser.newContext();
    const o = await open(context);
    const button = o.page.getByRole("button", { name: "Câu khác" });
    await button.waitFor({ state: "visible" });
    const visible = () => o.page.locator("[data-quote]:visible blockquote").allTextContents();
    const shown = await visible();
    expect(shown).toHaveLength(1);
    await button.click();
    const next = await visible();
    expect(next).toHaveLength(1);
    expect(next[0]).not.toBe(shown[0]);
    expect(await o.page.locator("[data-quotes]").getAttribute("aria-live")).toBe("polite");
    await context.close();
  });
});

describe("without JavaScript", () => {
  it("shows the build-time figures and the day's quote, and counts nothing", async () => {
    const before = await liveTotal();
    const context = await browser.newContext({ javaScriptEnabled: false });
    const o = await open(context);
    expect(await text(o.page, "[data-counter-total]")).toBe("1.000");
    expect(await o.page.locator("[data-counter-note]").isVisible()).toBe(true);
    expect(await o.page.locator("[data-counter-recent-row]").isVisible()).toBe(false);
    expect(await o.page.locator("[data-quote]:visible").count()).toBe(1);
    expect(await o.page.getByRole("button", { name: "Câu khác" }).isVisible()).toBe(false);
    expect(await o.page.getByRole("link", { name: /Xem video/ }).getAttribute("href")).toBe(`https://www.youtube-nocookie.com/embed/${VIDEO_ID}?autoplay=1`);
    expect(o.external).toEqual([]);
    expect(await liveTotal()).toBe(before);
    await context.close();
  });
});
