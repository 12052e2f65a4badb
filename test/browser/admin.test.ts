import { spawn, type ChildProcess } from "node:child_process";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { extname, join, normalize, relative } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchChromium } from "../../scripts/tools/quality/browser.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDataFile } from "../../scripts/build/content/data-files.ts";
import { validateContent } from "../../scripts/build/check/validate.ts";
import { formatIssue } from "../../scripts/build/content/issues.ts";
import { siteData } from "../../scripts/build/content/schema.ts";
import { buildAdmin } from "../../scripts/build/admin/build-admin.ts";
import { ADMIN_CSP } from "../../scripts/build/publish/headers.ts";
import { loadSite } from "../../scripts/build/content/load-site.ts";
import { slugify } from "../../scripts/build/model/slug.ts";
import EleventyDevServer from "@11ty/eleventy-dev-server";
import sharp from "sharp";
import { FIXTURE_TREE } from "../../scripts/tools/fixtures/tree.ts";
import { freePort } from "../support/wait.ts";

// Production's policy for /admin/, plus decap-server on localhost (the local backend these tests use).
const POLICY = ADMIN_CSP.replace("connect-src 'self'", "connect-src 'self' http://localhost:*");

let root: string;
let decap: ChildProcess;
let site: Server;
let browser: Browser;
let siteUrl: string;

async function waitFor(url: string, body: object): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      const r = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer`);
}

/** Serves a folder like the CDN does, with the admin policy on every response. */
async function serve(dir: string): Promise<{ server: Server; url: string }> {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url!, "http://x").pathname)).replace(/\/$/, "/index.html");
    try {
      const body = await readFile(join(dir, path));
      const type = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".yml": "text/yaml", ".css": "text/css" }[extname(path)] ?? "application/octet-stream";
      res.writeHead(200, { "content-type": type, "content-security-policy": POLICY }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  }).listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  return { server, url: `http://localhost:${(server.address() as AddressInfo).port}` };
}

async function buildAdminInto(out: string, api: string): Promise<void> {
  const { model } = await loadSite({ contentDir: join(root, "content"), preview: true });
  await buildAdmin(out, model!, { contentPath: "content", localBackendUrl: api, stylesheet: "/assets/site.css" });
  await mkdir(join(out, "assets"), { recursive: true });
  await cp("assets/site.css", join(out, "assets/site.css"));
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "admin-"));
  await cp(FIXTURE_TREE, join(root, "content"), { recursive: true });
  // An article the old site knew as /i1644-…: another article must not claim that address too.
  await mkdir(join(root, "content/tin-tuc/2021"), { recursive: true });
  await cp("test/editors/fixtures/hoi-nghi-ban-chap-hanh.md", join(root, "content/tin-tuc/2021/hoi-nghi-ban-chap-hanh.md"));
  // decap-server on a port other than its default 8081: the built config must follow it.
  const decapPort = await freePort();
  const api = `http://localhost:${decapPort}/api/v1`;
  await buildAdminInto(join(root, "_site"), api);
  // decap-server's default "fs" mode writes into GIT_REPO_DIRECTORY; it needs no git repository.
  decap = spawn(process.execPath, ["node_modules/decap-server/dist/index.js"], {
    env: { ...process.env, MODE: "fs", PORT: String(decapPort), GIT_REPO_DIRECTORY: root, LOG_LEVEL: "error" },
    stdio: "inherit",
  });
  await waitFor(api, { action: "info" });
  ({ server: site, url: siteUrl } = await serve(join(root, "_site")));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  site?.close();
  decap?.kill();
  await rm(root, { recursive: true, force: true });
});

/** A logged-in editor in a browser set to `timezoneId`; page errors and failed requests are collected. */
async function open(timezoneId: string, url = `${siteUrl}/admin/`): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ timezoneId, locale: "vi-VN" });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => m.type() === "error" && !m.text().startsWith("Failed to load resource") && errors.push(m.text()));
  page.on("response", (r) => r.status() >= 400 && !r.url().endsWith("/favicon.ico") && errors.push(`${r.status()} ${r.url()}`));
  // "Leave this page?" when moving on from an opened article.
  page.on("dialog", (d) => void d.accept());
  await page.goto(url);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await page.getByText("Tin bài").first().waitFor();
  return { context, page, errors };
}

async function findArticles(prefix: string): Promise<string[]> {
  const found: string[] = [];
  for (const y of await readdir(join(root, "content/tin-tuc"))) {
    for (const f of await readdir(join(root, "content/tin-tuc", y))) if (f.startsWith(prefix)) found.push(`${y}/${f}`);
  }
  return found;
}

const vietnamNow = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat("en-GB", { ...options, timeZone: "Asia/Ho_Chi_Minh" }).format(new Date());

async function newArticle(page: Page, title: string, body: string): Promise<void> {
  await page.goto(`${siteUrl}/admin/#/collections/tin-tuc/new`);
  // A change of the #route alone does not always replace an open editor: load the page afresh.
  await page.reload();
  await page.locator("input[id^='title-field']").fill(title);
  await page.locator("[id^='category-field']").click();
  await page.getByText("Tin hoạt động › Hội thành viên", { exact: true }).click();
  await page.locator("[data-slate-editor='true']").click();
  await page.keyboard.type(body);
}

async function publish(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Đăng", exact: true }).click();
  await page.getByText("Đăng ngay").click();
}

describe("/admin/", () => {
  it("has no inline script and loads the hashed bundle", async () => {
    const html = await readFile(join(root, "_site/admin/index.html"), "utf8");
    expect(html).toMatch(/<script src="\/admin\/cms\.[0-9a-f]{10}\.js"><\/script>/);
    expect(html).not.toMatch(/<script>|<script[^>]*>[^<]+<\/script>|style=/);
    const files = await readdir(join(root, "_site/admin"));
    expect(files.sort()).toEqual([expect.stringMatching(/^cms\.[0-9a-f]{10}\.js$/), "config.yml", "index.html", "tree.json"]);
  });

  it("creates an article through the Vietnamese editor UI that passes content validation", async () => {
    const { context, page, errors } = await open("Asia/Ho_Chi_Minh");
    const title = "Đại hội Hội Khoa học Lịch sử tỉnh";
    await newArticle(page, title, "Sáng nay, Hội Khoa học Lịch sử tỉnh tổ chức Đại hội.");
    await publish(page);
    await page.getByText("Đã lưu bài").waitFor();

    const found = await findArticles("dai-hoi");
    const year = vietnamNow({ year: "numeric" });
    expect(found).toEqual([`${year}/dai-hoi-hoi-khoa-hoc-lich-su-tinh.md`]);
    const md = await readFile(join(root, "content/tin-tuc", found[0]!), "utf8");
    expect(md).toMatch(/^date: ['"]?\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00['"]?$/m);
    expect(md).toContain("category: hoi-thanh-vien");
    expect(md).toContain("Sáng nay, Hội Khoa học Lịch sử tỉnh tổ chức Đại hội.");

    const { model, issues } = await loadSite({ contentDir: join(root, "content"), preview: true });
    expect(issues.filter((i) => i.severity === "error")).toEqual([]);
    const article = model!.articles.find((a) => a.title === title)!;
    expect(article.category.key).toBe("hoi-thanh-vien");
    expect(article.url).toMatch(new RegExp(`^/tin-tuc/${year}/\\d\\d/dai-hoi-hoi-khoa-hoc-lich-su-tinh/$`));
    expect(errors).toEqual([]);
    await context.close();
  });

  for (const [zone, label] of [["UTC", "UTC"], ["America/New_York", "Hoa Kỳ"]] as const) {
    it(`writes and shows dates in Vietnam time in a browser set to ${zone}`, async () => {
      const { context, page, errors } = await open(zone);
      // An existing article: the field and the preview show 15:41 as the site does, not the browser's hour.
      await page.goto(`${siteUrl}/admin/#/collections/tin-tuc/entries/2020/trien-khai-nhiem-vu-nam-2020`);
      await expect.poll(() => page.locator("input[type='datetime-local']").inputValue()).toBe("2020-02-29T15:41:14");
      await page.getByText("29/02/2020 15:41 (giờ Việt Nam)").waitFor();
      const preview = page.frameLocator("#preview-pane");
      await expect.poll(() => preview.locator(".article-meta time").textContent()).toBe("29/02/2020 15:41");

      const slug = slugify(`Giờ Việt Nam ${label}`);
      const before = vietnamNow({ year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", hourCycle: "h23" });
      await newArticle(page, `Giờ Việt Nam ${label}`, "Bài viết từ một máy đặt giờ khác.");
      await publish(page);
      await page.getByText("Đã lưu bài").waitFor();
      const after = vietnamNow({ year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", hourCycle: "h23" });
      const [file] = await findArticles(slug);
      const md = await readFile(join(root, "content/tin-tuc", file!), "utf8");
      const date = /^date: ['"]?(\d{4})-(\d\d)-(\d\d)T(\d\d):\d\d:\d\d\+07:00['"]?$/m.exec(md);
      expect(date, md).not.toBeNull();
      const written = `${date![3]}/${date![2]}/${date![1]}, ${date![4]}`;
      expect([before, after]).toContain(written);
      expect(file!.startsWith(`${date![1]}/`)).toBe(true);
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it("shows the existing photos of content/media/<year>/, lists them, and files uploads there", async () => {
    const { context, page, errors } = await open("UTC");
    await page.goto(`${siteUrl}/admin/#/collections/tin-tuc/entries/2020/trien-khai-nhiem-vu-nam-2020`);
    const preview = page.frameLocator("#preview-pane");
    // The body's photos load (decap-server finds them in the year folder) and are as wide as the text, as on the site.
    const photo = preview.locator(".article-body figure img").first();
    await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    const [imgWidth, textWidth] = await photo.evaluate((img) => [img.getBoundingClientRect().width, img.closest(".prose")!.getBoundingClientRect().width]);
    expect(imgWidth).toBeLessThanOrEqual(textWidth!);
    await expect.poll(() => preview.locator("figcaption").first().textContent()).toBe("Quang cảnh Hội nghị");

    await page.getByRole("button", { name: "Chọn ảnh khác" }).first().click();
    const library = page.getByRole("dialog");
    await library.getByText("quang-canh-hoi-nghi-placeholder.png").waitFor();
    await library.getByText("pho-chu-tich-ubnd-tinh-phat-bieu-placeholder.png").waitFor();

    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: "#2a6" } }).png().toBuffer();
    await library.locator("input[type='file']").setInputFiles({ name: "anh-moi-tai-len.png", mimeType: "image/png", buffer: png });
    // The new upload is the selected one.
    await library.getByText("anh-moi-tai-len.png").waitFor();
    await library.getByRole("button", { name: "Dùng ảnh đã chọn" }).click();
    await publish(page);
    await page.getByText("Đã lưu bài").waitFor();
    expect(await readdir(join(root, "content/media/2020"))).toContain("anh-moi-tai-len.png");
    expect(await readdir(join(root, "content/media"))).toEqual(["2020"]);
    const md = await readFile(join(root, "content/tin-tuc/2020/trien-khai-nhiem-vu-nam-2020.md"), "utf8");
    expect(md).toMatch(/^image: \.\.\/\.\.\/media\/2020\/anh-moi-tai-len\.png$/m);
    const { issues } = await loadSite({ contentDir: join(root, "content"), preview: true });
    expect(issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("previews an article as the site shows it: its style sheet, Vietnamese date, category name", async () => {
    const { context, page } = await open("America/New_York");
    await page.goto(`${siteUrl}/admin/#/collections/tin-tuc/entries/2020/trien-khai-nhiem-vu-nam-2020`);
    const preview = page.frameLocator("#preview-pane");
    await expect.poll(() => preview.locator(".article-meta time").textContent()).toBe("29/02/2020 15:41");
    expect(await preview.locator(".breadcrumb").innerText()).toContain("Liên hiệp Hội");
    expect(await preview.locator(".breadcrumb").innerText()).not.toContain("lien-hiep-hoi");
    expect(await preview.locator("body").evaluate((b) => getComputedStyle(b).fontFamily)).toContain("Segoe UI");
    // Tags read "hội nghị, ban chấp hành": no gap between a tag and its comma.
    const gap = await preview.locator(".article-tags a").first().evaluate((a) => {
      const range = document.createRange();
      range.selectNodeContents(a.nextSibling!);
      return range.getBoundingClientRect().left - a.getBoundingClientRect().right;
    });
    expect(Math.abs(gap)).toBeLessThan(1);
    // The site's video block: the note for a video not yet on the site.
    expect(await preview.locator(".article-body figure.video").first().innerText()).toContain("Video đang được cập nhật.");
    await context.close();
  });

  it("refuses to save what `npm run check` rejects, with the check's message", async () => {
    const file = join(root, "content/tin-tuc/2020/trien-khai-nhiem-vu-nam-2020.md");
    const saved = await readFile(file, "utf8");
    // What the check says about this article once its cover photo has no description.
    const tree = await mkdtemp(join(tmpdir(), "admin-check-"));
    await cp(join(root, "content"), tree, { recursive: true });
    await writeFile(join(tree, "tin-tuc/2020/trien-khai-nhiem-vu-nam-2020.md"), saved.replace(/^image_alt:.*\n/m, ""));
    const { issues } = await loadSite({ contentDir: tree, preview: true });
    await rm(tree, { recursive: true, force: true });
    const expected = issues.filter((i) => i.severity === "error");
    expect(expected.map((i) => i.field)).toEqual(["image"]);

    const { context, page } = await open("Asia/Ho_Chi_Minh");
    await page.goto(`${siteUrl}/admin/#/collections/tin-tuc/entries/2020/trien-khai-nhiem-vu-nam-2020`);
    await page.locator("input[id^='image_alt-field']").fill("");
    await publish(page);
    const notice = page.getByText(expected[0]!.message, { exact: false });
    await notice.waitFor();
    expect(await notice.innerText()).toMatch(/^Chưa lưu\. content\/tin-tuc\/2020\/trien-khai-nhiem-vu-nam-2020\.md:\d+: image: /);
    expect(await readFile(file, "utf8")).toBe(saved);
    await context.close();
  });

  it("refuses to save an old address another article has, with the message the check prints once the file is saved so", async () => {
    const file = join(root, "content/tin-tuc/2020/trien-khai-nhiem-vu-nam-2020.md");
    const before = await readFile(file, "utf8");
    const { context, page } = await open("Asia/Ho_Chi_Minh");
    await page.goto(`${siteUrl}/admin/#/collections/tin-tuc/entries/2020/trien-khai-nhiem-vu-nam-2020`);
    const legacy = page.locator("input[id^='legacy_url-field']");
    await legacy.fill("/i1644-hoi-nghi-ban-chap-hanh.aspx");
    await publish(page);
    const notice = page.getByText("Chưa lưu. ", { exact: false });
    await notice.waitFor();
    const refused = await notice.innerText();
    expect(await readFile(file, "utf8")).toBe(before);

    // An old address of its own is accepted; the file Decap writes then, with the other article's address
    // instead, is what the check must reject with the very same message.
    await legacy.fill("/i9999-bai-khac.aspx");
    await publish(page);
    await page.getByText("Đã lưu bài").waitFor();
    const written = await readFile(file, "utf8");
    expect(written).toContain("/i9999-bai-khac.aspx");
    const tree = await mkdtemp(join(root, "check-"));
    await cp(join(root, "content"), join(tree, "content"), { recursive: true });
    await writeFile(join(tree, "content/tin-tuc/2020/trien-khai-nhiem-vu-nam-2020.md"), written.replace("/i9999-bai-khac.aspx", "/i1644-hoi-nghi-ban-chap-hanh.aspx"));
    const { issues } = await validateContent({ contentDir: join(tree, "content"), preview: true });
    await rm(tree, { recursive: true, force: true });
    const shown = `${relative(process.cwd(), join(tree, "content"))}/`;
    const expected = issues.filter((i) => i.severity === "error").map((i) => formatIssue(i).replaceAll(shown, "content/"));
    expect(expected).toEqual([expect.stringMatching(/^content\/tin-tuc\/2021\/hoi-nghi-ban-chap-hanh\.md:6: legacy_url: .* đã dẫn tới content\/tin-tuc\/2020\/trien-khai-nhiem-vu-nam-2020\.md:\d+ — /)]);
    expect(refused).toBe(`Chưa lưu. ${expected[0]}`);
    await context.close();
  });

  it("lists articles newest first with dates as dd/mm/yyyy", async () => {
    const { context, page } = await open("UTC");
    await page.goto(`${siteUrl}/admin/#/collections/tin-tuc`);
    await page.getByText("Triển khai nhiệm vụ năm 2020 — 29/02/2020").waitFor();
    const dates = (await page.locator("main, body").first().innerText()).match(/— \d\d\/\d\d\/\d{4}/g)!.map((d) => d.slice(2).split("/").reverse().join("-"));
    expect(dates.length).toBeGreaterThan(1);
    expect(dates).toEqual([...dates].sort().reverse());
    await context.close();
  });

  it("speaks Vietnamese on every main screen: no English left in the visible text", async () => {
    const { context, page } = await open("Asia/Ho_Chi_Minh");
    // Whole words only: Vietnamese letters count as letters ("toàn" is not "to").
    const english = /(?<!\p{L})(Add|Insert|Replace|Copy|Group|Sort|Filter|View|Image|Images|Title|Alt|Text|Choose|Upload|Delete|Save|Publish|Draft|Bold|Italic|Link|Headings?|Quote|List|Code|Block|Component|Media|Search|Loading|Entries|Collections?|Status|Ready|Review|Toggle|Preview|Rich|Other|Now|Clear|Remove|Expand|Collapse|Log|Contents|Workflow|Quick|Unsaved|Changes|New|Edit|optional|the|of|and|to|by|with)(?!\p{L})/u;
    const visible = async () =>
      page.evaluate(() => {
        const texts = document.body.innerText.split("\n");
        for (const el of document.querySelectorAll<HTMLElement>("[title], [aria-label], [placeholder]")) {
          if (el.offsetParent === null) continue;
          texts.push(...["title", "aria-label", "placeholder"].map((a) => el.getAttribute(a) ?? ""));
        }
        return texts.map((t) => t.trim()).filter(Boolean);
      });
    const leftovers: string[] = [];
    const scan = async (screen: string) => leftovers.push(...(await visible()).filter((t) => english.test(t)).map((t) => `${screen}: ${t}`));

    await page.goto(`${siteUrl}/admin/#/collections/tin-tuc`);
    await page.getByText("Nhóm theo").click();
    await scan("list, group menu");
    await page.keyboard.press("Escape");
    await page.getByText("Sắp xếp theo").click();
    await scan("list, sort menu");
    await page.keyboard.press("Escape");
    await page.goto(`${siteUrl}/admin/#/collections/tin-tuc/entries/2020/trien-khai-nhiem-vu-nam-2020`);
    await page.getByRole("button", { name: "Chọn ảnh khác" }).first().click();
    await page.getByRole("dialog").getByText("quang-canh-hoi-nghi-placeholder.png").click();
    await scan("media library");
    await page.keyboard.press("Escape");
    await page.goto(`${siteUrl}/admin/#/collections/tin-tuc/new`);
    await page.locator("[data-slate-editor='true']").click();
    await scan("editor");
    await page.getByRole("button", { name: "Chèn ảnh hoặc video" }).click();
    await page.getByText("Video YouTube").waitFor();
    await scan("editor, block menu");
    await page.getByText("Video YouTube").click();
    await page.getByText("Chú thích").first().waitFor();
    await scan("editor, video block");
    await page.goto(`${siteUrl}/admin/#/collections/lien-he/entries/site`);
    await page.getByText("Người chịu trách nhiệm nội dung").waitFor();
    await scan("site.yaml");
    expect(leftovers).toEqual([]);
    await context.close();
  });

  it("edits the contacts in site.yaml, leaving empty fields out", async () => {
    const { context, page } = await open("Asia/Ho_Chi_Minh");
    await page.goto(`${siteUrl}/admin/#/collections/lien-he/entries/site`);
    await page.getByLabel("Điện thoại").fill("0000 000 000");
    await publish(page);
    await page.getByText("Đã lưu bài").waitFor();
    const site = await loadDataFile(join(root, "content"), "site.yaml", siteData);
    expect(site.value?.phone).toBe("0000 000 000");
    expect(site.value?.name).toBe("Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Quảng Ngãi");
    expect(await readFile(join(root, "content/_data/site.yaml"), "utf8")).not.toMatch(/: ["']{2}$/m);
    await context.close();
  });

  it("writes a ::: video block from the video button", async () => {
    const { context, page } = await open("Asia/Ho_Chi_Minh");
    await newArticle(page, "Bài có video", "Đoạn mở đầu.");
    await page.getByRole("button", { name: "Chèn ảnh hoặc video" }).click();
    await page.getByText("Video YouTube").click();
    await page.getByLabel("Địa chỉ YouTube").fill("https://www.youtube.com/watch?v=dQw4w9WgXcQ");
    await page.getByLabel("Chú thích").fill("Hội nghị tổng kết");
    await publish(page);
    await page.getByText("Đã lưu bài").waitFor();
    const [file] = await findArticles("bai-co-video");
    const md = await readFile(join(root, "content/tin-tuc", file!), "utf8");
    expect(md).toContain("::: video https://www.youtube.com/watch?v=dQw4w9WgXcQ\nHội nghị tổng kết\n:::");
    const { model, issues } = await loadSite({ contentDir: join(root, "content"), preview: true });
    expect(issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(model!.articles.find((a) => a.title === "Bài có video")!.html).toContain('data-video-src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ');
    await context.close();
  });
});

describe("/admin/ without decap-server", () => {
  it("says in Vietnamese what to start, then carries on once decap-server answers", async () => {
    const port = await freePort();
    const out = join(root, "_site-no-server");
    await buildAdminInto(out, `http://localhost:${port}/api/v1`);
    const served = await serve(out);
    const page = await browser.newPage();
    await page.goto(`${served.url}/admin/`);
    const notice = page.getByRole("alert");
    await notice.getByText("Chưa chạy decap-server").waitFor();
    expect(await notice.innerText()).toContain(`PORT=${port} npx decap-server`);
    const late = spawn(process.execPath, ["node_modules/decap-server/dist/index.js"], {
      env: { ...process.env, MODE: "fs", PORT: String(port), GIT_REPO_DIRECTORY: root, LOG_LEVEL: "error" },
      stdio: "inherit",
    });
    try {
      await page.getByRole("button", { name: "Đăng nhập" }).click();
      await page.getByText("Tin bài").first().waitFor();
      expect(await page.getByRole("alert").count()).toBe(0);
    } finally {
      late.kill();
      await page.close();
      served.server.close();
    }
  });
});

describe("/admin/ under a live-reloading dev server", () => {
  it("never takes the dev server's reloads, while an ordinary page does", async () => {
    await mkdir(join(root, "_site/probe"), { recursive: true });
    await writeFile(join(root, "_site/probe/index.html"), "<!doctype html><title>probe</title><p>probe</p>");
    const dev = EleventyDevServer.getServer("admin-test", join(root, "_site"), { logger: { info() {}, log() {}, error() {}, warn() {} } });
    const port = await freePort();
    dev.serve(port);
    await dev.ready();
    try {
      const context = await browser.newContext({ timezoneId: "Asia/Ho_Chi_Minh" });
      const control = await context.newPage();
      const controlSockets: string[] = [];
      control.on("websocket", (ws) => controlSockets.push(ws.url()));
      await control.goto(`http://localhost:${port}/probe/`);
      await expect.poll(() => controlSockets.length).toBeGreaterThan(0);

      const page = await context.newPage();
      const sockets: string[] = [];
      page.on("websocket", (ws) => sockets.push(ws.url()));
      const response = await page.goto(`http://localhost:${port}/admin/`);
      expect(await response!.text()).toContain("reload-client.js");
      await page.getByRole("button", { name: "Đăng nhập" }).click();
      await page.goto(`http://localhost:${port}/admin/#/collections/tin-tuc/new`);
      await page.locator("input[id^='title-field']").fill("Bài đang viết dở");
      const controlReloaded = control.waitForEvent("load");
      dev.reload({ subtype: undefined, files: [] });
      await controlReloaded;
      expect(await page.locator("input[id^='title-field']").inputValue()).toBe("Bài đang viết dở");
      expect(sockets).toEqual([]);
      await context.close();
    } finally {
      await dev.close();
    }
  });
});
