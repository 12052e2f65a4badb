import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { article, makeContent, repoRoot, type RunResult } from "../support/content.ts";

/**
 * Hostile and sloppy content (issues #16, #12, #11): every case must be reported by
 * `npm run check` with its file and real line, and stop a production build before
 * it writes anything. All cases of a tree are reported at once, so one check and one
 * build per tree cover them all.
 */

const ok = { title: "Bài hợp lệ", date: "2020-02-29T15:41:14+07:00", category: "lien-hiep-hoi" };
const withFields = (extra: Record<string, string>, body = "Nội dung bài viết.\n") => article({ ...ok, ...extra }, body);

interface Case {
  name: string;
  /** Content file (relative to the content folder) the message must name. */
  file: string;
  /** Text of the offending line in that file: the message must carry its line number. */
  at: string;
  field: string;
  /** What the message must say (Vietnamese, with the fix). */
  says: RegExp;
}

// Ten lines of aliases to aliases (a "billion laughs"): 10¹¹ leaves once expanded.
let bomb = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
for (let i = 1; i < 12; i++) bomb += `a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(", ")}]\n`;

const categories = readFileSync(join(repoRoot, "content/_data/categories.yaml"), "utf8");

let nested = "";
for (let i = 0; i < 60; i++) nested += `${"  ".repeat(i)}- mục ${i}\n`;

const FILES: Record<string, string | Buffer> = {
  "media/2020/dai-hoi.jpg": "not decoded by these checks",
  "media/2020/anh.jpg": "not decoded by these checks",
  "tin-tuc/2020/anh-bia-js.md": withFields({ image: '"javascript:alert(1)"', image_alt: "Ảnh" }),
  "tin-tuc/2020/anh-bia-https.md": withFields({ image: "https://example.org/anh.jpg", image_alt: "Ảnh" }),
  "tin-tuc/2020/anh-bia-ngoai.md": withFields({ image: "../../trang/anh.jpg", image_alt: "Ảnh" }),
  "tin-tuc/2020/nua-cap.md": withFields({ title: '"Hội nghị \\uD800 tổng kết"' }),
  "tin-tuc/2020/phan-tram.md": withFields({}, "Mở đầu.\n\nXem [báo cáo](/media/2020/bao%E0%A4cao.pdf).\n"),
  "tin-tuc/2020/lien-ket-js.md": withFields({}, "Mở đầu.\n\nXem [đây](javascript:alert(1)) hoặc [kia](JaVaScRiPt:alert(document.cookie)).\n"),
  "tin-tuc/2020/anh-ngoai.md": withFields({}, "Mở đầu.\n\n![Quang cảnh](https://example.org/anh.jpg)\n"),
  "tin-tuc/2020/qua-dai.md": withFields({}, "Một đoạn văn dài vừa phải của bài viết.\n\n".repeat(500_000)),
  "tin-tuc/2020/long-nhau.md": withFields({}, `Mở đầu.\n\n${nested}`),
  "tin-tuc/2020/vo-hinh.md": withFields({ title: "\u200B\u200B\u200B" }),
  "tin-tuc/2020/alt-vo-hinh.md": withFields({ image: "../../media/2020/anh.jpg", image_alt: '"\\u200B\\u200B"' }),
  "tin-tuc/2020/alt-vo-hinh-2.md": withFields({}, "Mở đầu.\n\n![\u200B\u200B](../../media/2020/dai-hoi.jpg)\n"),
  "tin-tuc/2020/bom-yaml.md": `---\ntitle: Bài\ndate: 2020-02-29T15:41:14+07:00\ncategory: lien-hiep-hoi\n${bomb}---\n\nNội dung.\n`,
  // Runs of brackets that are never a link: every check must stay linear on them (they took minutes).
  "tin-tuc/2020/ngoac-lap.md": withFields({}, `Mở đầu.\n\n${"[a](".repeat(150_000)}\n`),
  "tin-tuc/2020/anh-lap.md": withFields({}, `Mở đầu.\n\n${"![".repeat(300_000)}\n`),
  "tin-tuc/2020/dao-chieu.md": withFields({ title: "Hội nghị \u202Egnort\u202C tổng kết" }),
  "tin-tuc/2020/the-trong.md": withFields({ tags: '[hội nghị, "  "]' }),
  "tin-tuc/2020/video-sai.md": withFields({}, "Mở đầu.\n\n::: video abc\nHội nghị\n:::\n"),
  "tin-tuc/2020/video-mo.md": withFields({}, "Mở đầu.\n\n::: video https://youtu.be/dQw4w9WgXcQ\nHội nghị tổng kết\n\nĐoạn sau bị nuốt vào chú thích.\n"),
  "tin-tuc/2020/ten-tran.md": withFields({}, "Mở đầu.\n\n![Đại hội](dai-hoi.jpg)\n"),
  "tin-tuc/2020/windows.md": withFields({}, "Mở đầu.\n\n![Ảnh](C:\\Users\\BH\\Pictures\\anh.jpg)\n\n![Ảnh](D:/Anh/anh.jpg)\n"),
  "tin-tuc/2020/dau-cach.md": withFields({}, "Mở đầu.\n\n![Đại hội](../../media/2026/Ảnh đại hội.jpg)\n"),
  "tin-tuc/2020/trong.md": "---\ntitle: Bài mới\ndate: 2020-02-29T15:41:14+07:00\ncategory: lien-hiep-hoi\n---\n\n",
  "tin-tuc/2020/hai-cham-dinh.md": "---\ntitle: Bài\nauthor:BH\ndate: 2020-02-29T15:41:14+07:00\ncategory: lien-hiep-hoi\n---\n\nNội dung.\n",
  "tin-tuc/2020/ngoac-cong.md": "---\ntitle: “Hội nghị: tổng kết”\ndate: 2020-02-29T15:41:14+07:00\ncategory: lien-hiep-hoi\n---\n\nNội dung.\n",
  "tin-tuc/2020/tab.md": "---\ntitle: Bài\ntags:\n\t- hội nghị\ndate: 2020-02-29T15:41:14+07:00\ncategory: lien-hiep-hoi\n---\n\nNội dung.\n",
  "tin-tuc/2020/hai-cham.md": "---\ntitle: Hội nghị: tổng kết năm\ndate: 2020-02-29T15:41:14+07:00\ncategory: lien-hiep-hoi\n---\n\nNội dung.\n",
  "tin-tuc/2020/chuyen-muc.md": withFields({ category: "tin-tuc-chung" }),
  "tin-tuc/2020/cu-1.md": withFields({ legacy_url: "/i1644-hoi-nghi.aspx" }),
  "tin-tuc/2020/cu-2.md": withFields(
    {
      legacy_url: [
        "",
        "  - /mobile.aspx?id=2101",
        "  - //evil.example/",
        "  - /\\evil.example",
        "  - /%2F%2Fevil.example",
        '  - "/*"',
        "  - /:slug",
        "  - /api/visits",
        '  - "/admin/*"',
        "  - /tin-tuc/2020/02/cu-1/",
        "  - /chuyen-muc/lien-hiep-hoi/",
        "  - /i1644-tong-ket.aspx",
      ].join("\n"),
    },
  ),
  // Parents in a loop: no root reaches them, so their articles would vanish without a word.
  "_data/categories.yaml": `${categories}vong-a:\n  name: Vòng A\n  parent: vong-b\nvong-b:\n  name: Vòng B\n  parent: vong-a\ntu-than:\n  name: Tự thân\n  parent: tu-than\n`,
  "tin-tuc/2020/trong-vong.md": withFields({ category: "vong-a" }),
  "_data/links.yaml": '- title: Trang lạ\n  url: //evil.example/\n- title: Trang lạ 2\n  url: /\\evil.example\n- title: "\\u200B"\n  url: https://vusta.vn\n',
  "_data/videos.yaml": "- title: Video lạ\n  src: //evil.example/a.mp4\n  poster: /media/2020/anh.jpg\n- title: Mã sai\n  youtube: abc\n",
};

const CASES: Case[] = [
  { name: "cover image javascript:", file: "tin-tuc/2020/anh-bia-js.md", at: "image:", field: "image", says: /javascript:alert\(1\): không phải một tệp ảnh — tải ảnh về máy, rồi tải ảnh lên content\/media\/2020\/ rồi viết `image: \.\.\/\.\.\/media\/2020\/ten-anh\.jpg`/ },
  { name: "cover image https:", file: "tin-tuc/2020/anh-bia-https.md", at: "image:", field: "image", says: /chính sách bảo mật \(CSP\)/ },
  { name: "cover image outside /media/", file: "tin-tuc/2020/anh-bia-ngoai.md", at: "image:", field: "image", says: /ảnh đại diện phải nằm trong content\/media\/ — .*tệp có ở content\/media\/2020\/anh\.jpg: viết `image: \.\.\/\.\.\/media\/2020\/anh\.jpg`/ },
  { name: "javascript: site URL", file: "_data/site.yaml", at: "url:", field: "url", says: /bắt đầu bằng https:\/\// },
  { name: "lone surrogate in a title", file: "tin-tuc/2020/nua-cap.md", at: "title:", field: "title", says: /ký tự hỏng/ },
  { name: "malformed % escape in a link", file: "tin-tuc/2020/phan-tram.md", at: "[báo cáo]", field: "link", says: /dấu % không thành mã hợp lệ/ },
  { name: "javascript: link in an article", file: "tin-tuc/2020/lien-ket-js.md", at: "[đây]", field: "link", says: /`\[đây\]\(javascript:alert\(1\)`: địa chỉ javascript: có thể là mã chạy trong trình duyệt, nên trang không bao giờ đăng nó thành liên kết/ },
  { name: "external image in an article", file: "tin-tuc/2020/anh-ngoai.md", at: "![Quang cảnh]", field: "image", says: /CSP.*tải ảnh về máy, rồi tải ảnh lên content\/media\/2020\/ rồi viết `!\[…\]\(\.\.\/\.\.\/media\/2020\/anh\.jpg\)`/ },
  // At the line where the text passes the limit of 1,000,000 characters.
  { name: "20 MB article", file: "tin-tuc/2020/qua-dai.md", at: "", field: "(file)", says: /bài dài 20\.5 triệu ký tự, quá giới hạn 1 triệu ký tự .* — tách thành nhiều bài/ },
  { name: "lists nested beyond 50 levels", file: "tin-tuc/2020/long-nhau.md", at: "- mục 49\n", field: "markdown", says: /lồng nhau quá 49 cấp/ },
  { name: "title of zero-width characters", file: "tin-tuc/2020/vo-hinh.md", at: "title:", field: "title", says: /chỉ có ký tự vô hình/ },
  { name: "image description of zero-width characters", file: "tin-tuc/2020/alt-vo-hinh.md", at: "image_alt:", field: "image_alt", says: /chỉ có ký tự vô hình/ },
  { name: "link title of zero-width characters (links.yaml)", file: "_data/links.yaml", at: "\\u200B", field: "2.title", says: /chỉ có ký tự vô hình/ },
  { name: "body image description of zero-width characters", file: "tin-tuc/2020/alt-vo-hinh-2.md", at: "![", field: "image", says: /chưa có mô tả/ },
  { name: "YAML alias bomb in front matter", file: "tin-tuc/2020/bom-yaml.md", at: "*a0", field: "yaml", says: /dùng bí danh YAML \(\*a0\), điều trang không nhận/ },
  { name: "title with a bidi override", file: "tin-tuc/2020/dao-chieu.md", at: "title:", field: "title", says: /điều khiển chiều chữ/ },
  { name: "empty tag", file: "tin-tuc/2020/the-trong.md", at: "tags:", field: "tags", says: /\/the\/\/ — xóa thẻ trống/ },
  { name: "invalid YouTube id in an article", file: "tin-tuc/2020/video-sai.md", at: "::: video abc", field: "video", says: /"abc" không phải địa chỉ hay mã video YouTube — viết `::: video https:\/\/www\.youtube\.com\/watch\?v=XXXXXXXXXXX`/ },
  { name: "invalid YouTube id in videos.yaml", file: "_data/videos.yaml", at: "youtube: abc", field: "1.youtube", says: /không phải mã video YouTube — chép 11 ký tự/ },
  { name: "video block without its closing :::", file: "tin-tuc/2020/video-mo.md", at: "::: video", field: "video", says: /chưa được đóng.*thêm một dòng `:::`/ },
  { name: "bare image file name", file: "tin-tuc/2020/ten-tran.md", at: "![Đại hội]", field: "image", says: /chỉ có tên tệp.*tệp có ở content\/media\/2020\/dai-hoi\.jpg: viết `!\[…\]\(\.\.\/\.\.\/media\/2020\/dai-hoi\.jpg\)`/ },
  { name: "Windows path C:\\", file: "tin-tuc/2020/windows.md", at: "C:\\Users", field: "image", says: /C:\\Users\\BH\\Pictures\\anh\.jpg là đường dẫn trên máy tính của bạn.*viết `!\[…\]\(\.\.\/\.\.\/media\/2020\/anh\.jpg\)`/ },
  { name: "Windows path D:/", file: "tin-tuc/2020/windows.md", at: "D:/Anh", field: "image", says: /D:\/Anh\/anh\.jpg là đường dẫn trên máy tính của bạn/ },
  { name: "image name with spaces", file: "tin-tuc/2020/dau-cach.md", at: "![Đại hội]", field: "image", says: /đổi tên tệp thành `anh-dai-hoi\.jpg` rồi viết `!\[Đại hội\]\(\.\.\/\.\.\/media\/2026\/anh-dai-hoi\.jpg\)`, hoặc .*`!\[Đại hội\]\(<\.\.\/\.\.\/media\/2026\/Ảnh đại hội\.jpg>\)`/ },
  { name: "empty body", file: "tin-tuc/2020/trong.md", at: "---\n\n", field: "body", says: /bài chưa có nội dung — viết nội dung bài/ },
  { name: "author:BH without a space", file: "tin-tuc/2020/hai-cham-dinh.md", at: "author:BH", field: "yaml", says: /sau dấu hai chấm cần một dấu cách — viết: `author: BH`/ },
  { name: "curly quotes", file: "tin-tuc/2020/ngoac-cong.md", at: "title:", field: "yaml", says: /dấu ngoặc kép cong “…” không phải dấu ngoặc của YAML — .*viết: `title: "Hội nghị: tổng kết"`/ },
  { name: "tab indentation", file: "tin-tuc/2020/tab.md", at: "\t- hội nghị", field: "yaml", says: /thụt lề bằng phím Tab/ },
  { name: "title with a colon", file: "tin-tuc/2020/hai-cham.md", at: "title:", field: "yaml", says: /viết: `title: "Hội nghị: tổng kết năm"`/ },
  { name: "unknown category", file: "tin-tuc/2020/chuyen-muc.md", at: "category:", field: "category", says: /không có chuyên mục "tin-tuc-chung" — dùng một trong các mã: .*lien-hiep-hoi \(Liên hiệp Hội\)/ },
  { name: "categories in a loop of parents", file: "_data/categories.yaml", at: "parent: vong-b", field: "vong-a.parent", says: /vong-a → vong-b → vong-a làm thành một vòng, không chuyên mục nào là gốc — xóa dòng `parent:`/ },
  { name: "category that is its own parent", file: "_data/categories.yaml", at: "parent: tu-than", field: "tu-than.parent", says: /tu-than → tu-than làm thành một vòng/ },
  { name: "legacy_url //host", file: "tin-tuc/2020/cu-2.md", at: "- //evil.example/", field: "legacy_url", says: /"\/\/evil\.example\/" có \/\/ hoặc dấu \\/ },
  { name: "legacy_url /\\host", file: "tin-tuc/2020/cu-2.md", at: "- /\\evil", field: "legacy_url", says: /có \/\/ hoặc dấu \\/ },
  { name: "legacy_url %2F%2F", file: "tin-tuc/2020/cu-2.md", at: "%2F%2F", field: "legacy_url", says: /kể cả dạng %2F/ },
  { name: "legacy_url /*", file: "tin-tuc/2020/cu-2.md", at: '"/*"', field: "legacy_url", says: /ký tự đại diện/ },
  { name: "legacy_url /:slug", file: "tin-tuc/2020/cu-2.md", at: "/:slug", field: "legacy_url", says: /ký tự đại diện/ },
  { name: "legacy_url /api/visits", file: "tin-tuc/2020/cu-2.md", at: "/api/visits", field: "legacy_url", says: /địa chỉ của trang mới/ },
  { name: "legacy_url /admin/*", file: "tin-tuc/2020/cu-2.md", at: "/admin/", field: "legacy_url", says: /"\/admin\/\*" có dấu \* hoặc :/ },
  { name: "legacy_url = an article's address", file: "tin-tuc/2020/cu-2.md", at: "/tin-tuc/2020/02/cu-1/", field: "legacy_url", says: /địa chỉ của trang mới/ },
  { name: "legacy_url = a listing's address", file: "tin-tuc/2020/cu-2.md", at: "/chuyen-muc/", field: "legacy_url", says: /địa chỉ của trang mới/ },
  { name: "legacy_url old id claimed twice", file: "tin-tuc/2020/cu-2.md", at: "/i1644-tong-ket.aspx", field: "legacy_url", says: /mang mã bài cũ 1644, .*đã dẫn tới .*cu-1\.md:5/ },
  { name: "links.yaml //host", file: "_data/links.yaml", at: "//evil", field: "0.url", says: /không phải \/\/ hay/ },
  { name: "links.yaml /\\host", file: "_data/links.yaml", at: "/\\evil", field: "1.url", says: /không phải \/\/ hay/ },
  { name: "videos.yaml //host", file: "_data/videos.yaml", at: "src:", field: "0.src", says: /không phải \/\/ hay/ },
  { name: "menu.yaml //host", file: "_data/menu.yaml", at: "//evil", field: "7.url", says: /không phải \/\/ hay/ },
];

const lineOf = (text: string, needle: string) =>
  needle === "" ? text.slice(0, 1_000_000).split("\n").length : text.slice(0, text.indexOf(needle)).split("\n").length;

function run(script: "check" | "build", env: Record<string, string>): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", join(repoRoot, "scripts", "tools", "cli", `${script}.ts`)], {
      cwd: repoRoot,
      env: { ...process.env, ELEVENTY_RUN_MODE: "", PREVIEW: "", ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (status) => resolve({ status: status ?? -1, stdout, stderr }));
  });
}

interface Tree {
  dir: string;
  texts: Map<string, string>;
  check: RunResult;
  build: RunResult;
  outputDir: string;
}

/** Writes the tree, then runs check and a production build into an output folder holding a previous build. */
async function runTree(files: Record<string, string | Buffer>): Promise<Tree> {
  const dir = await makeContent(files);
  const menu = await readFile(join(dir, "_data/menu.yaml"), "utf8");
  if (!menu.includes("evil")) await writeFile(join(dir, "_data/menu.yaml"), `${menu}- label: Trang lạ\n  url: //evil.example/\n`);
  const texts = new Map<string, string>();
  for (const file of [...Object.keys(files), "_data/site.yaml", "_data/menu.yaml"]) {
    texts.set(file, await readFile(join(dir, file), "utf8").catch(() => ""));
  }
  const outputDir = await mkdtemp(join(tmpdir(), "lhh-previous-"));
  await writeFile(join(outputDir, "index.html"), "previous build");
  const [check, build] = await Promise.all([run("check", { CONTENT_DIR: dir }), run("build", { CONTENT_DIR: dir, OUTPUT_DIR: outputDir })]);
  return { dir, texts, check, build, outputDir };
}

const prefix = (tree: Tree, c: Case) => {
  const display = relative(repoRoot, join(tree.dir, c.file));
  const line = lineOf(tree.texts.get(c.file)!, c.at);
  return `${display}:${line}: ${c.field}: `;
};

/** The message printed for a case: the error line starting with its `path:line: field:` prefix and saying what it must. */
const printed = (output: string, tree: Tree, c: Case) =>
  output.split("\n").find((l) => l.startsWith(prefix(tree, c)) && c.says.test(l));

describe("hostile and sloppy content", () => {
  let tree: Tree;
  let dataUrl: Tree;
  let categoryKey: Tree;
  beforeAll(async () => {
    [tree, dataUrl, categoryKey] = await Promise.all([
      runTree({ ...FILES, "_data/site.yaml": "name: Liên hiệp Hội\nshort_name: LHH\n\nurl: javascript:alert(1)\n" }),
      runTree({ "_data/site.yaml": "name: Liên hiệp Hội\nshort_name: LHH\nurl: data:text/html,<script>alert(1)</script>\n" }),
      runTree({ "_data/categories.yaml": `${categories}"Hội nghị":\n  name: Hội nghị\n` }),
    ]);
    // CASES_TABLE=file writes the table case → message as printed, for the issue's closing note.
    const table = CASES.map((c) => `| ${c.name} | \`${(printed(tree.check.stderr, tree, c) ?? "(missing)").replace(/^(?:\.\.\/)*tmp\/[^/]+\//, "").replace(/\|/g, "\\|")}\` |`);
    if (process.env.CASES_TABLE) await writeFile(process.env.CASES_TABLE, `${table.join("\n")}\n`);
  });

  it.each(CASES)("npm run check reports $name with its file and line", (c) => {
    expect(tree.check.status).toBe(1);
    expect(printed(tree.check.stderr, tree, c), `expected a line starting with ${prefix(tree, c)} matching ${c.says}`).toBeDefined();
  });

  it("npm run check reports a data: site URL at its line", () => {
    const c = { name: "data: site URL", file: "_data/site.yaml", at: "url:", field: "url", says: /bắt đầu bằng https:\/\// };
    expect(dataUrl.check.status).toBe(1);
    expect(printed(dataUrl.check.stderr, dataUrl, c)).toBeDefined();
  });

  it("npm run check reports a category key with accents at its line, in Vietnamese", () => {
    const c = { name: "category key", file: "_data/categories.yaml", at: '"Hội nghị":', field: "Hội nghị", says: /mã chuyên mục chỉ gồm chữ thường không dấu, số và dấu gạch nối, ví dụ `hoi-thanh-vien:`/ };
    expect(categoryKey.check.status).toBe(1);
    expect(printed(categoryKey.check.stderr, categoryKey, c)).toBeDefined();
  });

  it("checks 600 KB runs of `[a](` and `![` without a message (text, not links) and without hanging", () => {
    const lines = tree.check.stderr.split("\n").filter((l) => /(ngoac|anh)-lap\.md:/.test(l));
    expect(lines).toEqual([]);
    expect(tree.check.stderr).toMatch(/\d+ lỗi, \d+ cảnh báo/);
  });

  it("accepts the plain old addresses (/mobile.aspx?id=2101, /i1644-hoi-nghi.aspx) and the first claim of an id", () => {
    const legacy = tree.check.stderr.split("\n").filter((l) => l.includes(": legacy_url: "));
    expect(legacy.some((l) => l.includes("mobile.aspx"))).toBe(false);
    expect(legacy.some((l) => /cu-1\.md:\d+: /.test(l))).toBe(false);
    expect(legacy).toHaveLength(CASES.filter((c) => c.field === "legacy_url").length);
  });

  it("a production build with these cases prints the same errors, exits non-zero and leaves the previous output as it was", async () => {
    for (const t of [tree, dataUrl, categoryKey]) {
      expect(t.build.status).toBe(1);
      expect(t.build.stderr).toMatch(/Dừng đăng trang: nội dung có \d+ lỗi\. Không có gì được ghi/);
      expect(await readdir(t.outputDir)).toEqual(["index.html"]);
      expect(await readFile(join(t.outputDir, "index.html"), "utf8")).toBe("previous build");
      expect(t.build.stderr).not.toMatch(/\n\s+at .*\.ts:\d+/); // no stack trace
    }
    for (const c of CASES) expect(printed(tree.build.stderr, tree, c), c.name).toBeDefined();
    // check and build run the same validation: the same error lines, in the same order.
    const errors = (out: string) => out.split("\n").filter((l) => /^\S+:\d+: (?!cảnh báo)/.test(l));
    expect(errors(tree.build.stderr)).toEqual(errors(tree.check.stderr));
    expect(existsSync(join(tree.outputDir, "pagefind"))).toBe(false);
  });
});
