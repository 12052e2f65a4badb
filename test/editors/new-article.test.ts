import { execFile, spawn } from "node:child_process";
import { cp, mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { DateTime } from "luxon";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadDataFile } from "../../scripts/build/content/data-files.ts";
import { loadSite } from "../../scripts/build/content/load-site.ts";
import { categoriesData } from "../../scripts/build/content/schema.ts";
import { ZONE } from "../../scripts/build/model/dates.ts";
import { createArticle } from "../../scripts/tools/import/new-article.ts";
import { FIXTURE_TREE } from "../../scripts/tools/fixtures/tree.ts";

const run = promisify(execFile);
let content: string;
beforeEach(async () => {
  content = join(await mkdtemp(join(tmpdir(), "new-")), "content");
  await cp(join(FIXTURE_TREE, "_data"), join(content, "_data"), { recursive: true });
});
afterEach(() => rm(join(content, ".."), { recursive: true, force: true }));

const categories = async () => (await loadDataFile(FIXTURE_TREE, "categories.yaml", categoriesData)).value!;

describe("createArticle", () => {
  it("names the file by year and slug in Vietnam time, writes valid front matter and refuses to overwrite", async () => {
    // 00:30 on New Year's Day in Vietnam is still 2020 in UTC.
    const now = DateTime.fromISO("2021-01-01T00:30:15.250+07:00", { zone: ZONE });
    const input = { contentDir: content, categories: await categories(), title: "Đại hội  Hội Khoa học\u00a0Lịch sử: nhiệm kỳ mới".normalize("NFD"), category: "hoi-thanh-vien", author: "BH", now };
    const result = await createArticle(input);
    expect(result).toMatchObject({ ok: true, url: "/tin-tuc/2021/01/dai-hoi-hoi-khoa-hoc-lich-su-nhiem-ky-moi/" });
    const text = await readFile(join(content, "tin-tuc/2021/dai-hoi-hoi-khoa-hoc-lich-su-nhiem-ky-moi.md"), "utf8");
    expect(text).toBe('---\ntitle: "Đại hội Hội Khoa học Lịch sử: nhiệm kỳ mới"\ndate: 2021-01-01T00:30:15+07:00\ncategory: hoi-thanh-vien\nauthor: BH\n---\n\n');

    const { model, issues } = await loadSite({ contentDir: content, preview: true, now });
    expect(issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(model!.articles.map((a) => a.url)).toEqual([(result as { url: string }).url]);

    const again = await createArticle({ ...input, author: undefined });
    expect(again).toMatchObject({ ok: false, message: expect.stringMatching(/đã có — mở tệp đó để viết tiếp/) });
    expect(await readFile(join(content, "tin-tuc/2021/dai-hoi-hoi-khoa-hoc-lich-su-nhiem-ky-moi.md"), "utf8")).toBe(text);
  });

  it("rejects an unknown category with the list of keys", async () => {
    const r = await createArticle({ contentDir: content, categories: await categories(), title: "Tin", category: "tin-tuc", now: DateTime.now() });
    expect(r).toEqual({ ok: false, message: expect.stringMatching(/không có chuyên mục "tin-tuc" — dùng một trong các mã: tin-hoat-dong \(Tin hoạt động\), lien-hiep-hoi \(Liên hiệp Hội\)/) });
  });
});

describe("npm run new", () => {
  const env = () => ({ ...process.env, CONTENT_DIR: content });

  it("without a terminal, names what is missing and exits 2", async () => {
    const error = await run("npx", ["tsx", "scripts/tools/cli/new-article.ts", "Chỉ có tiêu đề"], { env: env() }).catch((e) => e);
    expect(error.code).toBe(2);
    expect(error.stderr).toContain("--category <key>");
  });

  it("a wrong content path gives one Vietnamese sentence, no stack trace", async () => {
    const error = await run("npx", ["tsx", "scripts/tools/cli/new-article.ts", "Tin", "--category", "lien-hiep-hoi"], {
      env: { ...process.env, CONTENT_DIR: join(content, "khong-co") },
    }).catch((e) => e);
    expect(error.code).toBe(1);
    expect(error.stderr.trim()).toMatch(/^Không có thư mục nội dung .*khong-co — chạy lệnh trong thư mục của dự án/);
    expect(error.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("in a terminal, asks for the title and the category by number", async () => {
    // `script` gives the command a real terminal, as an editor's would be.
    const child = spawn("script", ["-q", "-c", "npx tsx scripts/tools/cli/new-article.ts", "/dev/null"], { env: env() });
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
      if (out.includes("Tiêu đề bài viết:") && !out.includes("[sent-title]")) {
        out += "[sent-title]";
        child.stdin.write("Tọa đàm khoa học\n");
      }
      if (out.includes("Chọn chuyên mục") && !out.includes("[sent-cat]")) {
        out += "[sent-cat]";
        child.stdin.write("2\n");
      }
    });
    const code = await new Promise((resolve) => child.on("close", resolve));
    expect(out).toContain("2. Tin hoạt động › Liên hiệp Hội");
    expect(out).toMatch(/Địa chỉ khi đăng: \/tin-tuc\/\d{4}\/\d{2}\/toa-dam-khoa-hoc\//);
    expect(code).toBe(0);
    const [year] = await readdir(join(content, "tin-tuc"));
    expect(await readFile(join(content, "tin-tuc", year!, "toa-dam-khoa-hoc.md"), "utf8")).toMatch(/^---\ntitle: Tọa đàm khoa học\ndate: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00\ncategory: lien-hiep-hoi\n---\n/);
  });
});
