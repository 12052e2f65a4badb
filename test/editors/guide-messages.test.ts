// The guide's table of messages (docs/huong-dan-bien-tap.md §6) quotes what `npm run check` prints: every quoted
// message of its first column must be printed, word for word apart from the "…" the tools fill in, by the check
// of a content tree that makes each of those mistakes.
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toTCVN3 } from "vietnamese-conversion";
import { validateContent } from "../../scripts/build/check/validate.ts";
import { formatIssue } from "../../scripts/build/content/issues.ts";
import { article, makeContent } from "../support/content.ts";

const ok = { title: "Bài hợp lệ", date: "2020-02-29T15:41:14+07:00", category: "lien-hiep-hoi" };
const withFields = (extra: Record<string, string>, body = "Nội dung bài viết.\n") => article({ ...ok, ...extra }, body);
const front = (lines: string) => `---\n${lines}\n---\n\nNội dung.\n`;
let nested = "";
for (let i = 0; i < 60; i++) nested += `${"  ".repeat(i)}- mục ${i}\n`;

/** A PDF with one empty page: no text to index, as a scan. */
function emptyPdf(): string {
  const objects = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>", "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>"];
  let pdf = "%PDF-1.4\n";
  const offsets = objects.map((body, i) => {
    const at = pdf.length;
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  return `${pdf}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
}

// One file per mistake of the table, in the order of its rows.
const FILES: Record<string, string | Buffer> = {
  "tin-tuc/2020/thieu-tieu-de.md": front("date: 2020-02-29T15:41:14+07:00\ncategory: lien-hiep-hoi"),
  "tin-tuc/2020/vo-hinh.md": withFields({ title: "\u200B\u200B" }),
  "tin-tuc/2020/dao-chieu.md": withFields({ title: "Hội nghị \u202Egnort\u202C tổng kết" }),
  "tin-tuc/2020/nua-cap.md": withFields({ title: '"Hội nghị \\uD800 tổng kết"' }),
  "tin-tuc/2020/ngay-cu.md": withFields({ date: "29/02/2020 15:41" }),
  "tin-tuc/2020/ngay-khong-co.md": withFields({ date: "2021-02-30T08:00:00+07:00" }),
  "tin-tuc/2020/chuyen-muc.md": withFields({ category: "tin-tuc-chung" }),
  "tin-tuc/2020/truong-la.md": withFields({ tag: "hội nghị" }),
  "tin-tuc/2020/hai-cham-dinh.md": front("title: Bài\nauthor:BH\ndate: 2020-02-29T15:41:14+07:00\ncategory: lien-hiep-hoi"),
  "tin-tuc/2020/ngoac-cong.md": front("title: “Hội nghị: tổng kết”\ndate: 2020-02-29T15:41:14+07:00\ncategory: lien-hiep-hoi"),
  "tin-tuc/2020/hai-cham.md": front("title: Hội nghị: tổng kết năm\ndate: 2020-02-29T15:41:14+07:00\ncategory: lien-hiep-hoi"),
  "tin-tuc/2020/tab.md": front("title: Bài\ntags:\n\t- hội nghị\ndate: 2020-02-29T15:41:14+07:00\ncategory: lien-hiep-hoi"),
  "tin-tuc/2020/yaml-hong.md": front("title: [Hội nghị\ndate: 2020-02-29T15:41:14+07:00\ncategory: lien-hiep-hoi"),
  "tin-tuc/2020/chua-dong.md": "---\ntitle: Bài\ndate: 2020-02-29T15:41:14+07:00\ncategory: lien-hiep-hoi\n\nNội dung.\n",
  "tin-tuc/2020/trong.md": "---\ntitle: Bài trống\ndate: 2020-02-29T15:41:14+07:00\ncategory: lien-hiep-hoi\n---\n\n",
  "tin-tuc/2020/qua-dai.md": withFields({}, "Một đoạn văn của bài viết.\n\n".repeat(40_000)),
  "tin-tuc/2020/thieu-mo-ta.md": withFields({ image: "../../media/2020/anh.jpg" }),
  "tin-tuc/2020/khong-co-anh.md": withFields({}, "Mở đầu.\n\n![Ảnh](../../media/2020/khong-co.jpg)\n"),
  "tin-tuc/2020/ten-tran.md": withFields({}, "Mở đầu.\n\n![Đại hội](anh.jpg)\n"),
  "tin-tuc/2020/windows.md": withFields({}, "Mở đầu.\n\n![Ảnh](C:\\Users\\BH\\Pictures\\anh.jpg)\n"),
  "tin-tuc/2020/dau-cach.md": withFields({}, "Mở đầu.\n\n![Đại hội](../../media/2020/Ảnh đại hội.jpg)\n"),
  "tin-tuc/2020/anh-ngoai.md": withFields({}, "Mở đầu.\n\n![Quang cảnh](https://example.org/anh.jpg)\n"),
  "tin-tuc/2020/anh-bia-ngoai.md": withFields({ image: "../../trang/anh.jpg", image_alt: "Ảnh" }),
  "tin-tuc/2020/phan-tram.md": withFields({}, "Mở đầu.\n\nXem [báo cáo](/media/2020/bao%E0%A4cao.pdf).\n"),
  "tin-tuc/2020/lien-ket-js.md": withFields({}, "Bấm [vào đây](javascript:alert(1)) để xem.\n"),
  "tin-tuc/2020/bi-danh.md": front("title: &t Bài có bí danh\nsummary: *t\ndate: 2020-02-29T15:41:14+07:00\ncategory: lien-hiep-hoi"),
  "tin-tuc/2020/lien-ket.md": withFields({}, "Xem [bài](/tin-tuc/2020/02/khong-co/) và [tệp](../../media/2020/khong-co.pdf).\n"),
  "tin-tuc/2020/video-sai.md": withFields({}, "Mở đầu.\n\n::: video abc\nHội nghị\n:::\n"),
  "tin-tuc/2020/video-mo.md": withFields({}, "Mở đầu.\n\n::: video https://youtu.be/dQw4w9WgXcQ\nHội nghị\n\nĐoạn sau.\n"),
  "tin-tuc/2020/long-nhau.md": withFields({}, `Mở đầu.\n\n${nested}`),
  "tin-tuc/2020/the-trong.md": withFields({ tags: '[hội nghị, "  "]' }),
  "tin-tuc/2020/cu-1.md": withFields({ legacy_url: "/i1644-hoi-nghi.aspx" }),
  "tin-tuc/2020/cu-2.md": withFields({ legacy_url: '["//evil.example/", "/*", "/chuyen-muc/lien-hiep-hoi/", "/i1644-hoi-nghi.aspx"]' }),
  "tin-tuc/2020/trung-1.md": withFields({ title: "Trùng địa chỉ" }),
  "tin-tuc/2020/trung-2.md": withFields({ title: "Trùng địa chỉ khác", slug: "trung-1" }),
  "trang/video.md": front("title: Video"),
  "tin-tuc/2020/bang-ma.md": withFields({}, `${toTCVN3("Triển khai nhiệm vụ năm 2020 của Liên hiệp Hội", "unicode")}\n`),
  "tin-tuc/2020/khong-utf8.md": Buffer.from(withFields({}, "Nội dung bài viết.\n"), "latin1"),
  "tin-tuc/2020/nfd.md": withFields({ title: "Hội nghị tổng kết".normalize("NFD") }),
  "tin-tuc/2020/trung-ten-1.md": withFields({ title: "Cùng tiêu đề" }),
  "tin-tuc/2020/trung-ten-2.md": withFields({ title: "Cùng tiêu đề" }),
  "tin-tuc/2020/dai.md": withFields({ title: "Tiêu đề rất dài ".repeat(12).trim(), summary: "Tóm tắt dài. ".repeat(30).trim() }),
  "tin-tuc/2020/cong.md": withFields({ title: "“Hội nghị tổng kết”" }),
  "tin-tuc/2020/anh-tam.md": withFields({}, "Mở đầu.\n\n![Ảnh tạm](../../media/2020/anh-placeholder.png)\n"),
  "tin-tuc/2020/video-trong.md": withFields({}, "Mở đầu.\n\n::: video\nHội nghị\n:::\n"),
  "tin-tuc/2020/lien-ket-cach.md": withFields({}, "Xem [thể lệ](../../media/2020/the le.pdf).\n"),
  "tin-tuc/2020/ban-chup.md": withFields({}, "Xem [công văn](../../media/2020/cong-van.pdf).\n"),
  "media/2020/anh.jpg": "",
  "media/2020/anh-placeholder.png": "",
  "media/2020/cong-van.pdf": emptyPdf(),
  "media/2020/trang.html": "<p>x</p>",
  "media/2020/hinh.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>",
  "media/2020/nen.zip": "PK",
  "_data/site.yaml": "name: Liên hiệp Hội\nshort_name: LHH\nurl: javascript:alert(1)\n",
  "_data/links.yaml": "- title: Lạ\n  url: //evil.example/\n- title: Không có\n  url: /khong-co/\n",
  "_data/menu.yaml": "- label: Lạ\n  url: //evil.example/\n",
  "_data/videos.yaml": "- title: Tệp\n  src: //evil.example/a.mp4\n  poster: /media/a.jpg\n- title: Mã sai\n  youtube: abc\n",
  "_data/counter.yaml": "base_total: 3.994.514\n",
};

let dir: string;
let printed: string[];

beforeAll(async () => {
  dir = await makeContent(FILES);
  await mkdir(dirname(join(dir, "media/2020/lien-ket")), { recursive: true });
  await symlink("/etc/hostname", join(dir, "media/2020/lien-ket"));
  await symlink("/etc/hostname", join(dir, "tin-tuc/2020/lien-ket-ngoai.md"));
  printed = (await validateContent({ contentDir: dir, preview: true })).issues.map(formatIssue);
}, 120_000);
afterAll(async () => rm(dir, { recursive: true, force: true }));

/** The quoted messages (code spans) of the first column of §6's table. */
async function guideMessages(): Promise<string[]> {
  const guide = await readFile("docs/huong-dan-bien-tap.md", "utf8");
  const section = guide.slice(guide.indexOf("## 6."), guide.indexOf("## 7."));
  const rows = section.split("\n").filter((l) => l.startsWith("| `"));
  return rows.flatMap((row) => {
    const cell = row.slice(2, row.search(/` \| [^`]/) + 1);
    return [...cell.matchAll(/`((?:\\`|[^`])+)`/g)].map((m) => m[1]!.replace(/\\`/g, "`")).filter((q) => !/^\w+\.yaml$/.test(q));
  });
}

/** "…" stands for what the tools fill in, with or without the spaces around it (", không hiện" after "chặn …"). */
const pattern = (quoted: string) => new RegExp(quoted.split(/ ?… ?/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join(".*?"));

describe("the guide's table of messages", () => {
  it("quotes only what npm run check prints", async () => {
    const quoted = await guideMessages();
    expect(quoted.length).toBeGreaterThan(40);
    const missing = quoted.filter((q) => !printed.some((line) => pattern(q).test(line)));
    expect(missing, printed.join("\n")).toEqual([]);
  });
});
