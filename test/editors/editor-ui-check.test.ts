// The editor UI refuses, before saving, what `npm run check` would then reject, with the same messages:
// each mistake below is written into a copy of the fixture tree and checked both ways. The UI sees the
// rest of the tree only through the index the build writes beside it (scripts/build/admin/tree-index.ts).
import { cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkDocument, newEntryFile, type DocumentKind } from "../../scripts/build/admin/check-entry.ts";
import { treeIndex, type TreeIndex } from "../../scripts/build/admin/tree-index.ts";
import { contentFiles } from "../../scripts/build/check/content-files.ts";
import { validateContent } from "../../scripts/build/check/validate.ts";
import { formatIssue, type ContentIssue } from "../../scripts/build/content/issues.ts";
import { loadSite } from "../../scripts/build/content/load-site.ts";
import { FIXTURE_TREE } from "../../scripts/tools/fixtures/tree.ts";

// Inside the working directory, so that the check's paths (relative to it) are the UI's paths.
let base: string;
let tree: TreeIndex;
let root: string;


beforeAll(async () => {
  await mkdir(".cache", { recursive: true });
  base = await mkdtemp(join(process.cwd(), ".cache/editor-ui-check-"));
  await cp(FIXTURE_TREE, join(base, "content"), { recursive: true });
  await mkdir(join(base, "content/tin-tuc/2021"), { recursive: true });
  // An article the old site knew as /i1644-…: another article must not claim that address too.
  await cp("test/editors/fixtures/hoi-nghi-ban-chap-hanh.md", join(base, "content/tin-tuc/2021/hoi-nghi-ban-chap-hanh.md"));
  const { model, issues } = await loadSite({ contentDir: join(base, "content"), preview: true });
  expect(issues.filter((i) => i.severity === "error")).toEqual([]);
  root = relative(process.cwd(), join(base, "content"));
  tree = treeIndex(model!, root, (await contentFiles(join(base, "content"))).files);
});
afterAll(async () => rm(base, { recursive: true, force: true }));

const article = (front: string[], body = "Nội dung bài.") =>
  ["---", "title: Bài mới", "date: 2020-02-10T09:00:00+07:00", "category: lien-hiep-hoi", ...front, "---", "", body, ""].join("\n");

const errors = (issues: ContentIssue[]) => issues.filter((i) => i.severity === "error").map(formatIssue).sort();

/** The check's errors about `file` (its own, and another file's that name it) once it is in the tree. */
async function checkSays(file: string, text: string): Promise<string[]> {
  const dir = await mkdtemp(join(process.cwd(), ".cache/editor-ui-case-"));
  try {
    await cp(join(base, "content"), join(dir, "content"), { recursive: true });
    const path = join(dir, "content", file);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text);
    const { issues } = await validateContent({ contentDir: join(dir, "content"), preview: true });
    const shown = relative(process.cwd(), path);
    // The same tree under the base's name, as the UI names it.
    return errors(issues.filter((i) => i.file === shown || i.message.includes(shown)))
      .map((line) => line.split(relative(process.cwd(), join(dir, "content"))).join(root));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const cases: [string, DocumentKind, string, string, RegExp][] = [
  ["an address another article has (slug:)", "article", "tin-tuc/2020/bai-khac.md", article(["slug: trien-khai-nhiem-vu-nam-2020"]), /url: \/tin-tuc\/2020\/02\/trien-khai-nhiem-vu-nam-2020\/ cũng là địa chỉ của/],
  ["a legacy_url another article has", "article", "tin-tuc/2020/bai-moi.md", article(["legacy_url: /i1644-hoi-nghi-ban-chap-hanh.aspx"]), /hoi-nghi-ban-chap-hanh\.md:6: legacy_url: .*đã dẫn tới .*bai-moi\.md:5/],
  ["an old article id another article has", "article", "tin-tuc/2022/bai-moi.md", article(["legacy_url: [/i1644-ten-khac.aspx]"]).replace("2020-02-10", "2022-02-10"), /mang mã bài cũ 1644/],
  ["a legacy_url that is an address of the new site", "article", "tin-tuc/2020/bai-moi.md", article(["legacy_url: /tin-tuc/2021/06/hoi-nghi-ban-chap-hanh/"]), /là một địa chỉ của trang mới/],
  ["an empty body", "article", "tin-tuc/2020/bai-moi.md", article([], ""), /body: bài chưa có nội dung/],
  ["an unclosed video block", "article", "tin-tuc/2020/bai-moi.md", article([], "Mở đầu.\n\n::: video https://youtu.be/dQw4w9WgXcQ\nHội nghị\n\nĐoạn sau."), /video: khối `::: video` chưa được đóng/],
  ["an image path with spaces", "article", "tin-tuc/2020/bai-moi.md", article([], "![Đại hội](../../media/2020/Ảnh đại hội.jpg)"), /image: .* hiện nguyên văn trên trang/],
  ["a bare image file name", "article", "tin-tuc/2020/bai-moi.md", article([], "![Quang cảnh](quang-canh-hoi-nghi-placeholder.png)"), /image: quang-canh-hoi-nghi-placeholder\.png: chỉ có tên tệp, không có thư mục — tệp có ở content\/media\/2020\/quang-canh-hoi-nghi-placeholder\.png: viết `!\[…\]\(\.\.\/\.\.\/media\/2020\/quang-canh-hoi-nghi-placeholder\.png\)`/],
  ["a Windows path", "article", "tin-tuc/2020/bai-moi.md", article([], "![Ảnh](C:\\Users\\BH\\Pictures\\anh.jpg)"), /image: C:\\Users\\BH\\Pictures\\anh\.jpg là đường dẫn trên máy tính của bạn/],
  ["another site's image", "article", "tin-tuc/2020/bai-moi.md", article(["image: https://example.org/anh.jpg", "image_alt: Ảnh"]), /image: https:\/\/example\.org\/anh\.jpg: ảnh lấy từ trang web khác bị chính sách bảo mật \(CSP\)/],
  ["a tag without letters", "article", "tin-tuc/2020/bai-moi.md", article(["tags: [hội nghị, '!!!']"]), /tags: thẻ "!!!" không có chữ hay số nào/],
  ["an unknown category", "article", "tin-tuc/2020/bai-moi.md", article([]).replace("lien-hiep-hoi", "khong-co"), /category: không có chuyên mục "khong-co" — dùng một trong các mã: .*lien-hiep-hoi \(Liên hiệp Hội\)/],
  ["a page at an address the site keeps", "page", "trang/video.md", "---\ntitle: Video\n---\n\nNội dung.\n", /slug: \/video\/ là địa chỉ dành riêng/],
  ["a page at another page's address", "page", "trang/gioi-thieu-moi.md", "---\ntitle: Giới thiệu mới\nslug: gioi-thieu\n---\n\nNội dung.\n", /url: \/gioi-thieu\/ cũng là địa chỉ của/],
];

describe("the editor UI's check before saving", () => {
  it.each(cases)("refuses %s with the check's messages", async (_, kind, file, text, expected) => {
    const check = await checkSays(file, text);
    expect(check.join("\n")).toMatch(expected);
    const ui = errors(checkDocument(kind, text, `${root}/${file}`, tree));
    expect(ui).toEqual(check);
  });

  it("leaves an image file that is not there to the check (the index is older than the latest uploads)", async () => {
    const text = article([], "![Ảnh](../../media/2020/moi-tai-len.jpg)");
    expect((await checkSays("tin-tuc/2020/bai-moi.md", text)).join("\n")).toMatch(/image: không có tệp ảnh content\/media\/2020\/moi-tai-len\.jpg/);
    expect(errors(checkDocument("article", text, `${root}/tin-tuc/2020/bai-moi.md`, tree))).toEqual([]);
  });

  it("suggests a photo uploaded while editing, as the check will once it is saved", () => {
    const text = article([], "![Ảnh](moi-tai-len.jpg)");
    const [issue] = errors(checkDocument("article", text, `${root}/tin-tuc/2020/bai-moi.md`, tree, ["media/2020/moi-tai-len.jpg"]));
    expect(issue).toMatch(/image: moi-tai-len\.jpg: chỉ có tên tệp, không có thư mục — tệp có ở content\/media\/2020\/moi-tai-len\.jpg: viết `!\[…\]\(\.\.\/\.\.\/media\/2020\/moi-tai-len\.jpg\)`/);
  });

  it("lets the tree's own articles be saved again unchanged", async () => {
    const { readFile } = await import("node:fs/promises");
    for (const doc of tree.documents) {
      const kind = doc.file.includes("/trang/") ? "page" : "article";
      expect(errors(checkDocument(kind, await readFile(doc.file, "utf8"), doc.file, tree)), doc.file).toEqual([]);
    }
  });

  it("names a new entry's file as Decap will, past the names already taken", () => {
    const data = { title: "Triển khai nhiệm vụ năm 2020", date: "2020-05-01T08:00:00+07:00" };
    expect(newEntryFile("article", data, tree)).toBe(`${root}/tin-tuc/2020/trien-khai-nhiem-vu-nam-2020-1.md`);
    expect(newEntryFile("article", { ...data, date: "2021-01-01T05:00:00+07:00" }, tree)).toBe(`${root}/tin-tuc/2021/trien-khai-nhiem-vu-nam-2020.md`);
    expect(newEntryFile("page", { title: "Giới thiệu" }, tree)).toBe(`${root}/trang/gioi-thieu-1.md`);
  });
});
