import { rm } from "node:fs/promises";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveStatic, type StaticServer } from "../../scripts/search/static-server.ts";
import { buildContent, makeContent } from "../helpers/content.ts";
import { articleUrl, fixtureContentFiles } from "../search/fixture/articles.ts";

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
    browser = await chromium.launch({
      executablePath: "/usr/bin/chromium",
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
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
    await expect.poll(() => firstResult(page).getAttribute("href")).toBe(articleUrl("ong-dang-ngoc-dung-nhan-bang-khen"));
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
    await expect.poll(() => firstResult(page).getAttribute("href")).toBe(articleUrl("trien-khai-nhiem-vu-nam-2020"));
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
    await expect.poll(() => firstResult(page).getAttribute("href")).toBe(articleUrl("hoi-thao-bien-doi-khi-hau-tai-da-nang"));
    expect(new URL(page.url()).searchParams.get("q")).toBe("Đà Nẵng");
    await page.close();
  });

  it("filters by category and sorts newest first, keeping both in the URL", async () => {
    const page = await open("/tim-kiem/?q=hoi&chuyen-muc=H%E1%BB%99i+th%C3%A0nh+vi%C3%AAn&sap-xep=moi-nhat");
    await expect.poll(() => page.locator("main ol.search-results > li").count()).toBeGreaterThan(2);
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

  it("ran without CSP violations or script errors", () => {
    expect(problems).toEqual([]);
  });
});
