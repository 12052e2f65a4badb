import { spawn, type ChildProcess } from "node:child_process";
import { cp, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDataFile } from "../../scripts/content/data-files.ts";
import { categoriesData } from "../../scripts/content/schema.ts";
import { buildAdmin } from "../../scripts/admin/build-admin.ts";
import { loadSite } from "../../scripts/content/load-site.ts";

// The policy netlify.toml must send for /admin/*: without 'unsafe-eval' Decap never gets past login
// (ajv compiles its config schema with new Function), and it styles itself with emotion
// (<style> elements).
const ADMIN_CSP = "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self' http://localhost:*";

let root: string;
let decap: ChildProcess;
let site: Server;
let browser: Browser;
let siteUrl: string;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

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

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "admin-"));
  await cp("content", join(root, "content"), { recursive: true });
  const decapPort = await freePort();
  const api = `http://localhost:${decapPort}/api/v1`;
  const categories = await loadDataFile(join(root, "content"), "categories.yaml", categoriesData);
  await buildAdmin(join(root, "_site"), join(root, "content"), categories.value!, { contentPath: "content", localBackendUrl: api });
  // decap-server's default "fs" mode writes into GIT_REPO_DIRECTORY; it needs no git repository.
  decap = spawn(process.execPath, ["node_modules/decap-server/dist/index.js"], {
    env: { ...process.env, MODE: "fs", PORT: String(decapPort), GIT_REPO_DIRECTORY: root, LOG_LEVEL: "error" },
    stdio: "inherit",
  });
  await waitFor(api, { action: "info" });
  site = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url!, "http://x").pathname)).replace(/\/$/, "/index.html");
    try {
      const body = await readFile(join(root, "_site", path));
      const type = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".yml": "text/yaml" }[extname(path)] ?? "application/octet-stream";
      res.writeHead(200, { "content-type": type, "content-security-policy": ADMIN_CSP }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  }).listen(0, "127.0.0.1");
  await new Promise((r) => site.once("listening", r));
  siteUrl = `http://localhost:${(site.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
});

afterAll(async () => {
  await browser?.close();
  site?.close();
  decap?.kill();
  await rm(root, { recursive: true, force: true });
});

describe("/admin/", () => {
  it("has no inline script and loads the hashed bundle", async () => {
    const html = await readFile(join(root, "_site/admin/index.html"), "utf8");
    expect(html).toMatch(/<script src="\/admin\/cms\.[0-9a-f]{10}\.js"><\/script>/);
    expect(html).not.toMatch(/<script>|<script[^>]*>[^<]+<\/script>|style=/);
    const files = await readdir(join(root, "_site/admin"));
    expect(files.sort()).toEqual([expect.stringMatching(/^cms\.[0-9a-f]{10}\.js$/), "config.yml", "index.html"]);
  });

  it("creates an article through the Vietnamese editor UI that passes content validation", async () => {
    const context = await browser.newContext({ timezoneId: "Asia/Ho_Chi_Minh", locale: "vi-VN" });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => m.type() === "error" && !m.text().startsWith("Failed to load resource") && errors.push(m.text()));
    // The site's favicon is not part of this test's output.
    page.on("response", (r) => r.status() >= 400 && !r.url().endsWith("/favicon.ico") && errors.push(`${r.status()} ${r.url()}`));
    await page.goto(`${siteUrl}/admin/`);
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await page.getByText("Tin bài").first().waitFor();
    await page.goto(`${siteUrl}/admin/#/collections/tin-tuc/new`);

    const title = "Đại hội Hội Khoa học Lịch sử tỉnh";
    await page.locator("input[id^='title-field']").fill(title);
    await page.locator("[id^='category-field']").click();
    await page.getByText("Tin hoạt động › Hội thành viên", { exact: true }).click();
    await page.locator("[data-slate-editor='true']").click();
    await page.keyboard.type("Sáng nay, Hội Khoa học Lịch sử tỉnh tổ chức Đại hội.");
    await page.getByRole("button", { name: "Công bố" }).click();
    await page.getByText("Công bố ngay").click();
    await page.getByText("Mục đã được lưu").waitFor();

    const years = await readdir(join(root, "content/tin-tuc"));
    const found = [];
    for (const y of years) for (const f of await readdir(join(root, "content/tin-tuc", y))) if (f.startsWith("dai-hoi")) found.push(`${y}/${f}`);
    const year = new Intl.DateTimeFormat("en", { year: "numeric", timeZone: "Asia/Ho_Chi_Minh" }).format(new Date());
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
});
