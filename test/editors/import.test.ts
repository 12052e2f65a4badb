import { execFile } from "node:child_process";
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { toTCVN3, toVNI } from "vietnamese-conversion";
import { loadSite } from "../../scripts/build/content/load-site.ts";
import { parseLegacyExport, parsePostedAt } from "../../scripts/tools/import/parse-export.ts";
import { escapeMarkdown } from "../../scripts/tools/import/to-markdown.ts";
import { FIXTURE_TREE } from "../../scripts/tools/fixtures/tree.ts";

const run = promisify(execFile);
// A copy of shared/legacy-export/trien-khai-nhiem-vu-nam-2020.txt, byte for byte.
const SAMPLE = "test/editors/fixtures/trien-khai-nhiem-vu-nam-2020.txt";
const sampleText = () => readFile(SAMPLE, "utf8");

let dir: string;
let content: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "import-"));
  content = join(dir, "content");
  await cp(join(FIXTURE_TREE, "_data"), join(content, "_data"), { recursive: true });
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function importCli(...args: string[]) {
  try {
    const r = await run("npx", ["tsx", "scripts/tools/cli/import-legacy.ts", ...args], { env: { ...process.env, CONTENT_DIR: content } });
    return { code: 0, out: r.stdout + r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, out: err.stdout + err.stderr };
  }
}

/** A variant of the sample export with other header lines and body. */
function variant(crumb: string, posted: string, title: string, body: string[]): string {
  return [crumb, `(Đăng lúc: ${posted})`, title, ...body, "", "THÔNG BÁO", "VIDEO NHÚNG", "Lượt truy cập: 3994514", "Đang trực tuyến: 37"].join("\r\n");
}

describe("parseLegacyExport on the sample", () => {
  it("reads category path, Vietnam time, title, captions, video, author and drops the sidebar", async () => {
    const parsed = parseLegacyExport(await sampleText());
    if (!parsed.ok) throw new Error(parsed.message);
    const a = parsed.article;
    expect(a.breadcrumb).toEqual(["Tin hoạt động", "Liên hiệp Hội"]);
    expect(a.date.toISO({ suppressMilliseconds: true })).toBe("2020-02-29T15:41:14+07:00");
    expect(a.title).toBe("Triển khai nhiệm vụ năm 2020");
    expect(a.author).toBe("BH");
    expect(a.blocks[0]).toEqual({ kind: "figure", caption: "Quang cảnh Hội nghị" });
    expect(a.blocks.filter((b) => b.kind === "video")).toEqual([
      { kind: "video", caption: "Video 05 Sự kiện và 05 hoạt động nổi bật của Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Quảng Ngãi năm 2019" },
    ]);
    expect(a.blocks.filter((b) => b.kind === "figure")).toHaveLength(2);
    const text = JSON.stringify(a.blocks);
    for (const gone of ["THÔNG BÁO", "Lượt truy cập", "Đang trực tuyến", "DANH NGÔN", "\u00a0"]) expect(text).not.toContain(gone);
    expect(a.blocks.at(-1)).toMatchObject({ kind: "paragraph" });
    expect((a.blocks.at(-1) as { text: string }).text).toMatch(/hoàn thành tốt nhiệm vụ được giao\.$/);
  });
});

describe("parsePostedAt", () => {
  it.each([
    ["(Đăng lúc: 01/03/2021 12:05:00 AM)", "2021-03-01T00:05:00+07:00"],
    ["(Đăng lúc: 01/03/2021 12:05:00 PM)", "2021-03-01T12:05:00+07:00"],
    ["(Đăng lúc: 31/12/2019 11:59:59 PM)", "2019-12-31T23:59:59+07:00"],
    ["(Đăng lúc: 1/1/2020 01:00:00 AM)", "2020-01-01T01:00:00+07:00"],
  ])("%s → %s", (line, iso) => {
    const d = parsePostedAt(line);
    if (typeof d === "string") throw new Error(d);
    expect(d.toISO({ suppressMilliseconds: true })).toBe(iso);
  });
  it("rejects impossible dates and hours", () => {
    expect(parsePostedAt("(Đăng lúc: 30/02/2020 10:00:00 AM)")).toMatch(/không phải ngày giờ có thật/);
    expect(parsePostedAt("(Đăng lúc: 01/02/2020 13:00:00 PM)")).toMatch(/không có giờ 13 khi ghi kèm AM\/PM/);
  });
});

describe("escapeMarkdown", () => {
  it("keeps plain text from turning into Markdown syntax", () => {
    expect(escapeMarkdown("1. Mở đầu")).toBe("1\\. Mở đầu");
    expect(escapeMarkdown("- gạch đầu dòng")).toBe("\\- gạch đầu dòng");
    expect(escapeMarkdown("a *b* [c] <d> &amp;")).toBe("a \\*b\\* \\[c\\] \\<d> \\&amp;");
  });
});

describe("npm run import", () => {
  it("imports the sample into a tree that loads without errors, with legacy_url, and never overwrites", async () => {
    const first = await importCli(SAMPLE, "--legacy-url", "/i1644-trien-khai-nhiem-vu.aspx");
    expect(first.out).toContain("Tổng kết: 1 bài tạo mới, 0 bài ghi lại, 0 bài đã có (không đổi), 0 trang bỏ qua, 0 cảnh báo, 0 lỗi.");
    expect(first.code).toBe(0);
    const path = join(content, "tin-tuc/2020/trien-khai-nhiem-vu-nam-2020.md");
    const md = await readFile(path, "utf8");
    expect(md).toMatch(/^---\ntitle: Triển khai nhiệm vụ năm 2020\ndate: 2020-02-29T15:41:14\+07:00\ncategory: lien-hiep-hoi\nauthor: BH\nlegacy_url: \/i1644-trien-khai-nhiem-vu.aspx\n---\n/);
    expect(md).toContain('(../../media/anh-chua-co-placeholder.png "Quang cảnh Hội nghị")');
    expect(md).toContain("::: video\nVideo 05 Sự kiện");
    expect(md).toBe(md.normalize("NFC"));

    const { model, issues } = await loadSite({ contentDir: content, preview: false });
    expect(issues.filter((i) => i.severity === "error")).toEqual([]);
    const article = model!.articles[0]!;
    expect(article.url).toBe("/tin-tuc/2020/02/trien-khai-nhiem-vu-nam-2020/");
    expect(article.html).toContain("<figcaption>Quang cảnh Hội nghị</figcaption>");
    expect(article.html).toContain('<figure class="video video-missing">');
    expect(article.html).toContain("Video đang được cập nhật.");
    expect(article.legacyUrls).toEqual(["/i1644-trien-khai-nhiem-vu.aspx"]);

    await writeFile(path, md + "\nSửa tay.\n");
    const again = await importCli(SAMPLE);
    expect(again.out).toContain("Tổng kết: 0 bài tạo mới, 0 bài ghi lại, 1 bài đã có (không đổi)");
    expect(again.out).toContain("thêm --force để ghi lại");
    expect(await readFile(path, "utf8")).toContain("Sửa tay.");
    const forced = await importCli(SAMPLE, "--force");
    expect(forced.out).toContain("Tổng kết: 0 bài tạo mới, 1 bài ghi lại");
    expect(await readFile(path, "utf8")).not.toContain("Sửa tay.");
  });

  it("handles other categories, midnight and noon, no author, NFD and a CSV map; reports unknown categories and fails", async () => {
    const src = join(dir, "export");
    await cp(SAMPLE, join(src, "a-sample.txt"));
    await writeFile(
      join(src, "b-hoi-thanh-vien.txt"),
      variant("Tin hoạt động >> Hội thành viên", "05/06/2021 12:30:00 AM", "Hội Y học tổ chức hội thảo".normalize("NFD"), [
        "Sáng nay, Hội Y học tỉnh tổ chức hội thảo khoa học.".normalize("NFD"),
        "Các đại biểu tham dự hội thảo",
      ]),
    );
    await writeFile(
      join(src, "c-thong-bao.txt"),
      variant("Thông báo", "05/06/2021 12:30:00 PM", "Thông báo về việc nghỉ lễ", ["Cơ quan nghỉ lễ theo quy định của Nhà nước."]),
    );
    await writeFile(join(src, "d-unknown.txt"), variant("Tin tức >> Hoạt động quốc tế", "01/01/2021 09:00:00 AM", "Tin lạ", ["Nội dung."]));
    await writeFile(join(dir, "urls.csv"), "file,legacy_url\nb-hoi-thanh-vien.txt,/i2001-hoi-thao.aspx\n");

    const result = await importCli(src, "--map", join(dir, "urls.csv"));
    expect(result.code).toBe(1);
    expect(result.out).toContain("Tổng kết: 3 bài tạo mới, 0 bài ghi lại, 0 bài đã có (không đổi), 0 trang bỏ qua, 0 cảnh báo, 1 lỗi.");
    expect(result.out).toMatch(/\S*d-unknown\.txt:1: lỗi: chuyên mục “Tin tức >> Hoạt động quốc tế” không có trên trang mới — thêm một dòng "Hoạt động quốc tế": <mã> vào scripts\/tools\/import\/legacy-categories\.yaml/);

    const b = await readFile(join(content, "tin-tuc/2021/hoi-y-hoc-to-chuc-hoi-thao.md"), "utf8");
    expect(b).toContain("date: 2021-06-05T00:30:00+07:00\ncategory: hoi-thanh-vien\nlegacy_url: /i2001-hoi-thao.aspx\n---");
    expect(b).not.toContain("author:");
    expect(b).toBe(b.normalize("NFC"));
    expect(b).toContain('"Các đại biểu tham dự hội thảo")');
    const c = await readFile(join(content, "tin-tuc/2021/thong-bao-ve-viec-nghi-le.md"), "utf8");
    expect(c).toContain("date: 2021-06-05T12:30:00+07:00\ncategory: thong-bao\n");
    expect(await readdir(join(content, "tin-tuc/2021"))).toHaveLength(2);

    const { issues } = await loadSite({ contentDir: content, preview: false });
    expect(issues.filter((i) => i.severity === "error")).toEqual([]);
  });

  it("refuses text in a legacy encoding with a hint", async () => {
    const text = await sampleText();
    await writeFile(join(dir, "tcvn3.txt"), toTCVN3(text, "unicode"));
    await writeFile(join(dir, "vni.txt"), toVNI(text, "unicode"));
    const result = await importCli(join(dir, "tcvn3.txt"), join(dir, "vni.txt"));
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/tcvn3\.txt: lỗi: chữ trong tệp gõ bằng bảng mã cũ TCVN3 — tệp không được chuyển; hãy chuyển bằng UniKey/);
    expect(result.out).toMatch(/vni\.txt: lỗi: chữ trong tệp gõ bằng bảng mã cũ VNI —/);
  });
});
