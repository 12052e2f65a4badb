import { rm } from "node:fs/promises";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RESULTS_FIRST_BATCH, RESULTS_PAGE_SIZE } from "../../scripts/build/search/params.ts";
import { launchChromium } from "../../scripts/tools/quality/browser.ts";
import { serveStatic, type StaticServer } from "../../scripts/tools/search/static-server.ts";
import { buildContent, makeContent } from "../support/content.ts";
import { articleUrl, fixtureContentFiles } from "../search/fixture/articles.ts";
import { ABSENT_QUERIES, QUALITY_QUERIES } from "../search/fixture/queries.ts";

/** The machine is shared: give the page time (tests never assert times). */
const SLOW = { timeout: 15_000 };

describe("search page of a real site build, in Chromium under the site's CSP", () => {
  let contentDir: string;
  let outputDir: string;
  let server: StaticServer;
  let browser: Browser;
  const problems: string[] = [];

  beforeAll(async () => {
    contentDir = await makeContent(fixtureContentFiles());
    const built = await buildContent(contentDir);
    expect(built.stderr).toBe("");
    expect(built.status).toBe(0);
    outputDir = built.outputDir;
    server = await serveStatic(outputDir);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    for (const dir of [contentDir, outputDir]) if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function open(url: string): Promise<Page> {
    const page = await browser.newPage();
    // The site has no favicon yet; Chromium asks for one on every page.
    await page.route("**/favicon.ico", (route) => route.fulfill({ status: 204 }));
    page.on("console", (m) => {
      if (m.type() === "error" || m.type() === "warning") problems.push(`${url}: ${m.text()}`);
    });
    page.on("pageerror", (e) => problems.push(`${url}: ${e.message}`));
    page.on("response", (r) => {
      if (r.status() >= 400) problems.push(`${url}: ${r.status()} ${r.url()}`);
    });
    await page.goto(server.origin + url);
    return page;
  }
  const firstResult = (page: Page) => page.locator("main ol.search-results > li a").first();

  it("types a query without diacritics and shows the right article first", async () => {
    const page = await open("/tim-kiem/");
    const input = page.getByLabel("Từ khóa");
    await expect.poll(() => input.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type("dang ngoc dung", { delay: 20 });
    await expect.poll(() => firstResult(page).getAttribute("href"), SLOW).toBe(articleUrl("ong-dang-ngoc-dung-nhan-bang-khen"));
    expect(await firstResult(page).textContent()).toBe("Ông Đặng Ngọc Dũng nhận Bằng khen của Ủy ban nhân dân tỉnh");
    expect(new URL(page.url()).searchParams.get("q")).toBe("dang ngoc dung");
    const item = page.locator("main ol.search-results > li").first();
    expect(await item.locator("time").getAttribute("datetime")).toBe("2021-03-15T10:30:00+07:00");
    expect(await item.locator(".search-result-meta").textContent()).toBe("15/03/2021 · Hội thành viên");
    expect(await item.locator("mark").allTextContents()).toEqual(expect.arrayContaining(["Đặng", "Ngọc", "Dũng"]));
    await expect.poll(() => page.getByRole("status").textContent()).toMatch(/^Tìm thấy \d+ kết quả cho “dang ngoc dung”\.$/);
    await page.close();
  });

  it("leads from the header search box to results without further typing", async () => {
    const page = await open("/");
    await page.locator("header form[action='/tim-kiem/'] input[name=q]").fill("trien khai nhiem vu");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/tim-kiem\/\?q=trien\+khai\+nhiem\+vu$/);
    await expect.poll(() => firstResult(page).getAttribute("href"), SLOW).toBe(articleUrl("trien-khai-nhiem-vu-nam-2020"));
    expect(await page.getByLabel("Từ khóa").inputValue()).toBe("trien khai nhiem vu");
    // Keyboard: from the search box, Tab reaches the first result link after the form's controls.
    await page.getByLabel("Từ khóa").focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("href"))).toBe(
      articleUrl("trien-khai-nhiem-vu-nam-2020"),
    );
    await page.close();
  });

  it("waits for the input method to finish composing before searching", async () => {
    const page = await open("/tim-kiem/");
    const cdp = await page.context().newCDPSession(page);
    await page.getByLabel("Từ khóa").focus();
    await cdp.send("Input.imeSetComposition", { text: "Đà Nẵ", selectionStart: 5, selectionEnd: 5 });
    await page.waitForTimeout(800);
    expect(await page.getByLabel("Từ khóa").inputValue()).toBe("Đà Nẵ");
    expect(await page.locator("main ol.search-results > li").count()).toBe(0);
    expect(new URL(page.url()).searchParams.get("q")).toBeNull();
    await cdp.send("Input.insertText", { text: "Đà Nẵng" });
    await expect.poll(() => firstResult(page).getAttribute("href"), SLOW).toBe(articleUrl("hoi-thao-bien-doi-khi-hau-tai-da-nang"));
    expect(new URL(page.url()).searchParams.get("q")).toBe("Đà Nẵng");
    await page.close();
  });

  it("filters by category and sorts newest first, keeping both in the URL", async () => {
    const page = await open("/tim-kiem/?q=hoi&chuyen-muc=H%E1%BB%99i+th%C3%A0nh+vi%C3%AAn&sap-xep=moi-nhat");
    await expect.poll(() => page.locator("main ol.search-results > li").count(), SLOW).toBeGreaterThan(2);
    expect(await page.getByLabel("Chuyên mục").inputValue()).toBe("Hội thành viên");
    const metas = await page.locator(".search-result-meta").allTextContents();
    expect(metas.every((m) => m.endsWith(" · Hội thành viên"))).toBe(true);
    const dates = await page.locator(".search-result-meta time").evaluateAll((els) => els.map((e) => e.getAttribute("datetime")));
    expect(dates).toEqual([...dates].sort().reverse());
    await page.getByLabel("Sắp xếp").selectOption({ label: "Liên quan nhất" });
    await expect.poll(() => new URL(page.url()).searchParams.get("sap-xep")).toBeNull();
    expect(new URL(page.url()).searchParams.get("chuyen-muc")).toBe("Hội thành viên");
    await page.close();
  });

  it("loads the fragments of the first results only, the next ones when the reader scrolls near them", async () => {
    const page = await browser.newPage({ viewport: { width: 400, height: 300 } });
    await page.route("**/favicon.ico", (route) => route.fulfill({ status: 204 }));
    const fragments: string[] = [];
    const scripts: string[] = [];
    page.on("request", (r) => {
      if (r.url().endsWith(".pf_fragment")) fragments.push(r.url());
      if (r.resourceType() === "script") scripts.push(new URL(r.url()).pathname);
    });
    await page.goto(`${server.origin}/tim-kiem/?q=hoi`);
    const items = page.locator("main ol.search-results > li");
    await expect.poll(() => items.count(), SLOW).toBe(RESULTS_FIRST_BATCH);
    expect(fragments).toHaveLength(RESULTS_FIRST_BATCH);
    // Pagefind's API comes inside the search client: no request for /pagefind/pagefind.js.
    expect(scripts.filter((url) => url.startsWith("/pagefind/"))).toEqual([]);
    expect(scripts.some((url) => /^\/assets\/search\.\w+\.js$/.test(url))).toBe(true);
    expect(await page.locator("[data-search-more]").isHidden()).toBe(true);
    // Each batch loads as the last result shown comes into view, up to a page of results.
    for (let shown = RESULTS_FIRST_BATCH; shown < RESULTS_PAGE_SIZE; ) {
      await items.nth(shown - 1).scrollIntoViewIfNeeded();
      shown = Math.min(shown + RESULTS_FIRST_BATCH, RESULTS_PAGE_SIZE);
      await expect.poll(() => items.count(), SLOW).toBe(shown);
      expect(fragments).toHaveLength(shown);
    }
    await page.locator("[data-search-more]").scrollIntoViewIfNeeded();
    await expect.poll(() => page.locator("[data-search-more]").isVisible(), SLOW).toBe(true);
    await page.close();
  });

  it("keeps a keyboard reader's focus in view when the next results arrive after they tabbed past the list", async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 500 } });
    await page.route("**/favicon.ico", (route) => route.fulfill({ status: 204 }));
    await page.goto(`${server.origin}/tim-kiem/?q=hoi`);
    const items = page.locator("main ol.search-results > li");
    await expect.poll(() => items.count(), SLOW).toBe(RESULTS_FIRST_BATCH);
    // A slow network: the next batch arrives after the reader has tabbed beyond the list.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route("**/*.pf_fragment", async (route) => {
      await held;
      await route.continue();
    });
    await items.nth(RESULTS_FIRST_BATCH - 1).locator("a").focus();
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    const focusedTop = () => page.evaluate(() => document.activeElement!.getBoundingClientRect().top);
    const before = await focusedTop();
    expect(await page.evaluate(() => document.querySelector("main ol.search-results")!.contains(document.activeElement))).toBe(false);
    release();
    await expect.poll(() => items.count(), SLOW).toBeGreaterThanOrEqual(2 * RESULTS_FIRST_BATCH);
    // The new last result takes the place of the old one, which was in view: the next batch may follow at once.
    // The focus must stay where it was through every batch, so wait until the list stops growing.
    let count = -1;
    const settled = async () => {
      const now = await items.count();
      const same = now === count;
      count = now;
      return same;
    };
    await expect.poll(settled, { ...SLOW, interval: 500 }).toBe(true);
    expect(Math.abs((await focusedTop()) - before)).toBeLessThan(2);
    await page.close();
  });

  it("says search needs JavaScript, and links the archive, when scripts are off", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.origin}/tim-kiem/?q=da+nang`);
    await expect(page.locator("main form[role=search]").isVisible()).resolves.toBe(false);
    const notice = page.locator("main .search-nojs");
    expect(await notice.textContent()).toContain("Chức năng tìm kiếm cần bật JavaScript.");
    expect(await notice.locator("a").getAttribute("href")).toBe("/luu-tru/");
    await context.close();
  });

  /** Types a query into the page's search box and waits for its answer: the top 3 links shown. */
  async function ask(page: Page, query: string): Promise<string[]> {
    const input = page.getByLabel("Từ khóa");
    await input.fill(query);
    await input.press("Enter");
    const status = page.getByRole("status");
    await expect
      .poll(async () => {
        const text = (await status.textContent()) ?? "";
        return text.includes(`“${query}”`) && !text.startsWith("Đang tìm");
      }, SLOW)
      .toBe(true);
    return page.locator("main ol.search-results > li h2 a").evaluateAll((links) =>
      links.slice(0, 3).map((a) => a.getAttribute("href") ?? ""),
    );
  }

  it("reaches the quality bar on the whole quality set, typed into the real page", async () => {
    const page = await open("/tim-kiem/");
    const byKind = new Map<string, { n: number; hit1: number; hit3: number }>();
    const misses: string[] = [];
    for (const { query, kind, expected } of QUALITY_QUERIES) {
      const top = await ask(page, query);
      const row = byKind.get(kind) ?? { n: 0, hit1: 0, hit3: 0 };
      byKind.set(kind, row);
      row.n++;
      if (top[0] === expected) row.hit1++;
      if (top.includes(expected)) row.hit3++;
      if (top[0] !== expected) misses.push(`${kind}: ${JSON.stringify(query)} → ${top.join(", ") || "(none)"}`);
    }
    let absentListed = 0;
    for (const query of ABSENT_QUERIES) {
      const top = await ask(page, query);
      if (top.length) {
        absentListed++;
        misses.push(`absent: ${JSON.stringify(query)} → ${top.join(", ")}`);
      }
    }
    await page.close();
    const sum = (rows: { n: number; hit1: number; hit3: number }[]) =>
      rows.reduce((t, r) => ({ n: t.n + r.n, hit1: t.hit1 + r.hit1, hit3: t.hit3 + r.hit3 }), { n: 0, hit1: 0, hit3: 0 });
    const nonTypo = sum([...byKind].filter(([kind]) => kind !== "typo").map(([, row]) => row));
    const typo = byKind.get("typo")!;
    console.log(
      [
        `search quality in Chromium (${QUALITY_QUERIES.length + ABSENT_QUERIES.length} queries)`,
        ...[...byKind].map(([kind, r]) => `  ${kind.padEnd(17)} ${r.n}: first ${r.hit1}, top 3 ${r.hit3}`),
        `  non-typo          ${nonTypo.n}: first ${nonTypo.hit1}, top 3 ${nonTypo.hit3}`,
        `  absent            ${ABSENT_QUERIES.length}: no list for ${ABSENT_QUERIES.length - absentListed}`,
        ...misses.map((m) => `  not first: ${m}`),
      ].join("\n"),
    );
    expect(nonTypo.hit1 / nonTypo.n).toBeGreaterThanOrEqual(0.98);
    expect(nonTypo.hit3).toBe(nonTypo.n);
    expect(typo.hit3).toBeGreaterThanOrEqual(7);
    expect(absentListed).toBe(0);
  }, 300_000);

  it("shows no list for words that occur nowhere, and offers a close spelling without its results", async () => {
    const page = await open("/tim-kiem/");
    expect(await ask(page, "xyzxyz")).toEqual([]);
    expect(await page.getByRole("status").textContent()).toContain("Không tìm thấy kết quả");
    expect(await page.locator("[data-search-suggestion]").isVisible()).toBe(false);
    expect(await ask(page, "tom hhum")).toEqual([]);
    const offer = page.locator("[data-search-suggestion]");
    expect(await offer.textContent()).toMatch(/^Có phải bạn muốn tìm: .+\?$/);
    await offer.locator("a").click();
    await page.waitForURL(/\?q=/);
    const suggested = await page.getByLabel("Từ khóa").inputValue();
    expect(await ask(page, suggested)).toContain(articleUrl("bao-ve-nguon-loi-thuy-san-ven-bo"));
    await page.close();
  });

  it("finds text inside attachments, links the article and names the file", async () => {
    const page = await open("/tim-kiem/?q=thang+%C4%91i%E1%BB%83m+100");
    await expect.poll(() => firstResult(page).getAttribute("href"), SLOW).toBe(articleUrl("phat-dong-hoi-thi-sang-tao-ky-thuat-lan-thu-13"));
    const excerpt = page.locator("main ol.search-results > li .search-result-excerpt").first();
    expect(await excerpt.textContent()).toContain("Trong tệp đính kèm the-le-hoi-thi-sang-tao-lan-thu-13.pdf:");
    expect((await excerpt.locator("mark").allTextContents()).join(" ")).toMatch(/thang điểm 100/);
    await page.close();
  });

  it("ran without CSP violations or script errors", () => {
    expect(problems).toEqual([]);
  });
});
