import { existsSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { legacyUrlProblem } from "../../scripts/build/check/legacy-urls.ts";
import { validateContent } from "../../scripts/build/check/validate.ts";
import { formatIssue } from "../../scripts/build/content/issues.ts";
import { articleFields } from "../../scripts/build/content/schema.ts";
import { sitemap } from "../../scripts/build/publish/site-files.ts";
import { FIXED_ROUTES, isSitePath } from "../../scripts/build/urls.ts";
import { loadSite } from "../../scripts/build/content/load-site.ts";
import { article, buildContent, makeContent, runCli } from "../support/content.ts";

const ok = { title: "Bài hợp lệ", date: "2020-02-29T15:41:14+07:00", category: "lien-hiep-hoi" };

async function issuesFor(files: Record<string, string | Buffer>) {
  const dir = await makeContent(files);
  const { issues, model } = await loadSite({ contentDir: dir, preview: true });
  const lines = issues.map((i) => formatIssue({ ...i, file: relative(dir, join(process.cwd(), i.file)) }));
  return { issues, lines, model, dir };
}

describe("content validation", () => {
  it("reports a YAML syntax error at its line", async () => {
    const { lines } = await issuesFor({ "tin-tuc/2020/a.md": "---\ntitle: Bài\ndate: 2020-01-01\ncategory: [lien-hiep-hoi\n---\nx" });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^tin-tuc\/2020\/a\.md:[45]: yaml: không đọc được \(.+\) — kiểm tra dấu ngoặc kép/);
  });
  it("reports a missing title and a missing date", async () => {
    const { lines } = await issuesFor({ "tin-tuc/2020/a.md": "---\ncategory: lien-hiep-hoi\n---\nx" });
    expect(lines).toContain("tin-tuc/2020/a.md:2: title: còn thiếu — thêm một dòng như `title: Triển khai nhiệm vụ năm 2020`");
    expect(lines.some((l) => l.startsWith("tin-tuc/2020/a.md:2: date: còn thiếu"))).toBe(true);
  });
  it("lists the valid keys for an unknown category", async () => {
    const { lines } = await issuesFor({ "tin-tuc/2020/a.md": article({ ...ok, category: "tin-tuc-chung" }) });
    expect(lines[0]).toMatch(/^tin-tuc\/2020\/a\.md:4: category: không có chuyên mục "tin-tuc-chung" — dùng một trong các mã: tin-hoat-dong \(Tin hoạt động\), lien-hiep-hoi \(Liên hiệp Hội\),/);
  });
  it("rejects an impossible date and the old site's date form", async () => {
    const { lines } = await issuesFor({
      "tin-tuc/2021/a.md": article({ ...ok, date: "2021-02-31" }),
      "tin-tuc/2020/b.md": article({ ...ok, date: "29/02/2020 03:41:14 PM" }),
    });
    expect(lines).toContain('tin-tuc/2021/a.md:3: date: "2021-02-31" không phải một ngày có thật — kiểm tra lại ngày và tháng');
    expect(lines).toContain(`tin-tuc/2020/b.md:3: date: "29/02/2020 03:41:14 PM" viết theo kiểu ngày/tháng/năm của trang cũ — viết: 2020-02-29T15:41:14+07:00`);
  });
  it("requires image_alt with image, and a boolean draft", async () => {
    const { lines } = await issuesFor({
      "media/a.jpg": "x",
      "tin-tuc/2020/a.md": article({ ...ok, image: "../../media/a.jpg", draft: '"có"' }),
    });
    expect(lines).toContain("tin-tuc/2020/a.md:5: image: ảnh đại diện cần dòng `image_alt:` mô tả ảnh cho người không xem được ảnh");
    expect(lines).toContain("tin-tuc/2020/a.md:6: draft: phải là true hoặc false (không có dấu ngoặc kép)");
  });
  it("reports an empty file and a file that is not UTF-8", async () => {
    const latin = Buffer.from("---\ntitle: Ti\xeau \xf0\xe8\n---\n", "latin1");
    const { lines } = await issuesFor({ "tin-tuc/2020/empty.md": "", "tin-tuc/2020/latin.md": latin });
    expect(lines).toContain("tin-tuc/2020/empty.md:1: front matter: tệp trống — tệp phải bắt đầu bằng một dòng `---`, tiếp theo là các dòng `title:`, `date:`, `category:`, rồi một dòng `---`");
    expect(lines.find((l) => l.startsWith("tin-tuc/2020/latin.md:2: encoding: tệp không được lưu bằng UTF-8"))).toMatch(/lưu lại với bảng mã UTF-8/);
  });
  it("names both files when two articles would share a URL", async () => {
    const { lines } = await issuesFor({
      "tin-tuc/2020/hoi-nghi.md": article(ok),
      "tin-tuc/cu/hoi-nghi.md": article({ ...ok, date: "2020-02-01" }),
    });
    expect(lines).toEqual([
      "tin-tuc/2020/hoi-nghi.md:1: url: /tin-tuc/2020/02/hoi-nghi/ cũng là địa chỉ của " + lines[0]!.split("địa chỉ của ")[1],
      expect.stringMatching(/^tin-tuc\/cu\/hoi-nghi\.md:1: url: \/tin-tuc\/2020\/02\/hoi-nghi\/ cũng là địa chỉ của .*tin-tuc\/2020\/hoi-nghi\.md/),
    ]);
    expect(lines[0]).toMatch(/địa chỉ của .*tin-tuc\/cu\/hoi-nghi\.md — đổi tên một trong hai tệp/);
  });
  it("reports a missing image with its line (npm run check)", async () => {
    const dir = await makeContent({ "tin-tuc/2020/a.md": article(ok, "Đoạn.\n\n![Ảnh](../../media/khong-co.jpg)\n") });
    const check = runCli("check", { CONTENT_DIR: dir });
    expect(check.status).toBe(1);
    expect(check.stderr).toMatch(/tin-tuc\/2020\/a\.md:9: image: .*khong-co\.jpg/);
  });
  it("reports unknown fields with the list of known ones", async () => {
    const { lines } = await issuesFor({ "tin-tuc/2020/a.md": article({ ...ok, titel: "x" }) });
    expect(lines[0]).toMatch(/trường lạ: titel — xóa hoặc sửa tên cho đúng; các trường hợp lệ: title, date, category, author, summary, slug, image, image_alt, tags, legacy_url, draft$/);
  });
  it("reports every error of the tree in one run", async () => {
    const { issues, model } = await issuesFor({
      "tin-tuc/2020/a.md": article({ ...ok, category: "x" }),
      "tin-tuc/2020/b.md": article({ ...ok, date: "2021-02-31" }),
      "tin-tuc/2020/c.md": "",
    });
    expect(model).toBeUndefined();
    expect(issues.filter((i) => i.severity === "error").map((i) => i.file.split("/").pop())).toEqual(["a.md", "b.md", "c.md"]);
  });
  it("accepts a BOM, CRLF line endings and NFD text, and stores NFC", async () => {
    const nfd = "Triển khai nhiệm vụ Quảng Ngãi".normalize("NFD");
    const text = "\uFEFF" + article({ ...ok, title: nfd }, `${nfd}.\n`).replace(/\n/g, "\r\n");
    const { issues, model } = await issuesFor({ "tin-tuc/2020/a.md": text });
    expect(issues).toEqual([]);
    const a = model!.articles[0]!;
    expect(a.title).toBe("Triển khai nhiệm vụ Quảng Ngãi".normalize("NFC"));
    expect(a.title).not.toBe(nfd);
    expect(a.html).toContain("Triển khai nhiệm vụ Quảng Ngãi".normalize("NFC"));
  });
});

describe("npm run check and the production build on bad content", () => {
  it("exits 1, lists every error, and the build writes nothing", async () => {
    const dir = await makeContent({
      "tin-tuc/2020/a.md": article({ ...ok, category: "khong-co" }),
      "tin-tuc/2020/b.md": article({ ...ok, date: "2021-02-31" }),
    });
    const check = runCli("check", { CONTENT_DIR: dir });
    expect(check.status).toBe(1);
    expect(check.stderr).toMatch(/a\.md:4: category: không có chuyên mục "khong-co"/);
    expect(check.stderr).toMatch(/b\.md:3: date: "2021-02-31" không phải một ngày có thật/);
    expect(check.stderr).toMatch(/\n2 lỗi, \d+ cảnh báo/);

    const build = await buildContent(dir);
    expect(build.status).toBe(1);
    expect(build.stderr).toMatch(/Dừng đăng trang: nội dung có 2 lỗi/);
    expect(existsSync(join(build.outputDir, "index.html"))).toBe(false);
  });
  it("passes on valid content", () => {
    const check = runCli("check", {});
    expect(check.stderr).toBe("");
    expect(check.status).toBe(0);
    expect(check.stdout).toMatch(/Không có lỗi: đã kiểm tra \d+ bài và \d+ trang/);
  });
});

describe("validateContent: the one pass shared by check and build", () => {
  const validate = async (files: Record<string, string | Buffer>, options: { lenient?: boolean } = {}) => {
    const dir = await makeContent(files);
    const result = await validateContent({ contentDir: dir, preview: true, ...options });
    const all = result.issues.map((i) => formatIssue({ ...i, file: relative(dir, join(process.cwd(), i.file)) }));
    // The fixture's menu.yaml links to pages the tree lacks: those warnings are not what these tests are about.
    return { ...result, all, lines: all.filter((l) => !l.includes(": cảnh báo: ")), dir };
  };

  it("accepts links to every fixed route of the URL module (/luu-tru/, /video/, /sitemap.xml …) and lists /video/ in the sitemap", async () => {
    const links = FIXED_ROUTES.map((url, i) => `[trang ${i}](${url})`).join(", ");
    const { lines, model } = await validate({ "tin-tuc/2020/a.md": article(ok, `Xem ${links}.\n\nVà [năm 2020](/luu-tru/2020/).\n`) });
    expect(lines).toEqual([]);
    expect(FIXED_ROUTES).toEqual(expect.arrayContaining(["/luu-tru/", "/video/", "/sitemap.xml"]));
    const locs = [...sitemap(model!).matchAll(/<loc>[^<]*?(\/[^<]*)<\/loc>/g)].map((m) => new URL(m[0].slice(5, -6)).pathname);
    expect(locs).toEqual(expect.arrayContaining(["/", "/luu-tru/", "/video/", "/tin-tuc/2020/02/a/"]));
  });

  it("reports an old address two articles claim at the line of each later entry, naming the first (the build no longer crashes)", async () => {
    const { lines, model } = await validate({
      "tin-tuc/2020/a.md": article({ ...ok, legacy_url: "/gioi-thieu-cu.aspx" }),
      "tin-tuc/2020/b.md": article({ ...ok, title: "Bài khác", legacy_url: "\n  - /tin-cu.aspx\n  - /gioi-thieu-cu.aspx" }),
    });
    expect(model).toBeUndefined();
    expect(lines).toEqual([
      expect.stringMatching(/^tin-tuc\/2020\/b\.md:7: legacy_url: "\/gioi-thieu-cu\.aspx" đã dẫn tới .*tin-tuc\/2020\/a\.md:5 — một địa chỉ cũ chỉ dẫn tới một bài/),
    ]);
  });

  it("an empty body is an error unless the article is a draft; npm start only warns", async () => {
    const empty = "---\ntitle: Bài mới\ndate: 2020-02-29T15:41:14+07:00\ncategory: lien-hiep-hoi\n---\n\n";
    const draft = empty.replace("category:", "draft: true\ncategory:");
    const strict = await validate({ "tin-tuc/2020/a.md": empty, "tin-tuc/2020/b.md": draft });
    expect(strict.lines).toEqual([expect.stringMatching(/^tin-tuc\/2020\/a\.md:5: body: bài chưa có nội dung — viết nội dung bài/)]);
    const lenient = await validate({ "tin-tuc/2020/a.md": empty }, { lenient: true });
    expect(lenient.lines).toEqual([]);
    expect(lenient.all).toContainEqual(expect.stringMatching(/^tin-tuc\/2020\/a\.md:5: cảnh báo: body: bài chưa có nội dung/));
    expect(lenient.model).toBeDefined();
  });

  it("warns about a value wrapped in curly quotes, which would show on the page", async () => {
    const { all, model } = await validate({ "tin-tuc/2020/a.md": article({ ...ok, title: "“Hội nghị tổng kết”" }) });
    expect(model).toBeDefined();
    expect(all).toContainEqual(expect.stringMatching(/^tin-tuc\/2020\/a\.md:2: cảnh báo: title: dấu ngoặc kép cong “…” không phải dấu ngoặc của YAML và sẽ hiện trên trang/));
  });

  it("lists the known fields from the schema's own keys", async () => {
    const { lines } = await validate({ "tin-tuc/2020/a.md": article({ ...ok, tac_gia: "BH" }) });
    expect(lines).toEqual([`tin-tuc/2020/a.md:5: (file): trường lạ: tac_gia — xóa hoặc sửa tên cho đúng; các trường hợp lệ: ${Object.keys(articleFields).join(", ")}`]);
  });

  it("a broken site.yaml still lets every article be checked in the same run", async () => {
    const { lines } = await validate({
      "_data/site.yaml": "name: A\nshort_name: B\nurl: javascript:alert(1)\n",
      "tin-tuc/2020/a.md": article(ok, "![Ảnh](https://example.org/a.jpg)\n"),
    });
    expect(lines.map((l) => l.split(": ")[0])).toEqual(["_data/site.yaml:3", "tin-tuc/2020/a.md:7"]);
  });
});

describe("legacyUrlProblem and isSitePath", () => {
  const served = new Set(["/gioi-thieu/", "/tin-tuc/2020/02/a/"]);
  it.each(["/i1644-hoi-nghi-ban-chap-hanh.aspx", "/mobile.aspx?id=2101", "/Default.aspx?id=12", "/mobile/i12-x.aspx", "/tin%20cu.aspx", "/gioi-thieu.aspx"])(
    "accepts the old site's address %s",
    (url) => expect(legacyUrlProblem(url, served)).toBeUndefined(),
  );
  it.each([
    "//evil.example/", "/\\evil.example", "/%2F%2Fevil.example", "/%5Cevil.example", "///evil", "/*", "/:slug", "/a/:id", "/api/visits",
    "/admin/", "/Admin/x", "/gioi-thieu/", "/Gioi-Thieu/", "/gioi-thieu", "/tin-tuc/2020/02/a/", "/", "https://old.example/x.aspx", "x.aspx", "/a#b", "/a b",
    "/x.aspx?id=:id", "/%E0%A4", "/../etc/passwd", "/.netlify/functions/visits",
  ])("rejects %s", (url) => expect(legacyUrlProblem(url, served)).toEqual(expect.any(String)));
  it("isSitePath takes one leading slash only", () => {
    expect(["/", "/gioi-thieu/", "/media/a.mp4"].every(isSitePath)).toBe(true);
    expect(["//evil.example", "/\\evil.example", "evil.example", "/a b", "/a\\b"].some(isSitePath)).toBe(false);
  });
});
