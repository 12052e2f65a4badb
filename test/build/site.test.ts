import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { statsLines } from "../../scripts/tools/bench/measure.ts";
import { article, buildContent, makeContent } from "../support/content.ts";

type Built = Awaited<ReturnType<typeof buildContent>>;

const many = Object.fromEntries(
  Array.from({ length: 23 }, (_, i) => [
    `tin-tuc/2019/bai-${i + 1}.md`,
    article({ title: `Bài số ${i + 1}`, date: `2019-05-${String(i + 1).padStart(2, "0")}T08:00:00`, category: i % 2 ? "lien-hiep-hoi" : "hoi-thanh-vien" }),
  ]),
);

const files = {
  ...many,
  "tin-tuc/2020/nhuan.md": article({ title: "Ngày nhuận", date: "2020-02-29T15:41:14+07:00", category: "lien-hiep-hoi", author: "BH", tags: "[hội nghị, Ban chấp hành]" }, "## Kết quả\n\nĐoạn một.\n"),
  "tin-tuc/2021/sau-nua-dem.md": article({ title: "Sau nửa đêm", date: "2021-03-01T00:30:00", category: "lien-hiep-hoi" }),
  "tin-tuc/2021/truoc-nua-dem.md": article({ title: "Trước nửa đêm", date: "2021-02-28T23:59:00", category: "lien-hiep-hoi" }),
  "tin-tuc/2021/chi-ngay.md": article({ title: "Chỉ có ngày", date: "2021-06-15", category: "thong-bao" }),
  "tin-tuc/2021/gio-z.md": article({ title: "Giờ UTC", date: "2021-12-31T17:30:00Z", category: "thong-bao" }),
  "tin-tuc/2021/tieu-de-html.md": article({ title: '"<script>alert(1)</script> & <b>đậm</b>"', date: "2021-05-05T10:00:00", category: "sang-tao" }),
  "tin-tuc/2021/ban-nhap.md": article({ title: "Bản nháp chưa đăng", date: "2021-05-06T10:00:00", category: "sang-tao", draft: "true" }),
  "tin-tuc/2099/tuong-lai.md": article({ title: "Bài hẹn giờ", date: "2099-01-01T08:00:00", category: "sang-tao" }),
  "trang/gioi-thieu.md": "---\ntitle: Giới thiệu\n---\n\nTrang giới thiệu.\n",
  "trang/lien-he.md": "---\ntitle: Liên hệ\nshow_contact: true\n---\n\nLiên hệ.\n",
};

let site: Built;
let preview: Built;
beforeAll(async () => {
  const dir = await makeContent(files);
  [site, preview] = await Promise.all([buildContent(dir), buildContent(dir, { PREVIEW: "1", BUILD_STATS: "1" })]);
  expect(site.stderr).toBe("");
  expect(site.status).toBe(0);
});

describe("BUILD_STATS=1 (what npm run bench reads)", () => {
  it("reports the stage times, the pages and this process's own peak memory, apart from the Pagefind CLI's", () => {
    const stats = statsLines("BUILD_STATS", preview.stdout) as { stages: Record<string, number>; pages: number; processPeakMB: number };
    expect(Object.keys(stats.stages)).toEqual(expect.arrayContaining(["load", "render", "write", "search"]));
    expect(stats.pages).toBeGreaterThan(30);
    // A Node process running Eleventy holds well over 50 MB; a figure in bytes or kilobytes would be far off.
    expect(stats.processPeakMB).toBeGreaterThan(50);
    expect(stats.processPeakMB).toBeLessThan(4096);
  });
});

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith(".html")).map((e) => join(e.parentPath, e.name));
}

describe("dates in Vietnam time", () => {
  it("shows the leap day with its time and a +07:00 datetime", async () => {
    const html = await site.read("/tin-tuc/2020/02/nhuan/");
    expect(html).toContain('Đăng lúc: <time datetime="2020-02-29T15:41:14+07:00">29/02/2020 15:41</time>');
  });
  it("keeps 00:30 and 23:59 on their own day, month and archive", async () => {
    expect(await site.read("/tin-tuc/2021/03/sau-nua-dem/")).toContain(">01/03/2021 00:30<");
    expect(await site.read("/tin-tuc/2021/02/truoc-nua-dem/")).toContain(">28/02/2021 23:59<");
    const archive = await site.read("/luu-tru/2021/");
    expect(archive).toContain("Sau nửa đêm");
    expect(archive).toContain("Trước nửa đêm");
  });
  it("puts a date alone at 00:00 and a Z time on the next Vietnamese day", async () => {
    expect(await site.read("/tin-tuc/2021/06/chi-ngay/")).toContain('datetime="2021-06-15T00:00:00+07:00"');
    const z = await site.read("/tin-tuc/2022/01/gio-z/");
    expect(z).toContain('datetime="2022-01-01T00:30:00+07:00"');
    expect(await site.read("/luu-tru/2022/")).toContain("Giờ UTC");
  });
  it("gives every <time datetime> on every page the +07:00 offset", async () => {
    let count = 0;
    for (const file of await htmlFiles(site.outputDir)) {
      for (const m of (await readFile(file, "utf8")).matchAll(/<time datetime="([^"]+)"/g)) {
        expect(m[1]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/);
        count++;
      }
    }
    expect(count).toBeGreaterThan(50);
  });
});

describe("pages", () => {
  it("renders an article with breadcrumb, author, tags, related and previous/next", async () => {
    const html = await site.read("/tin-tuc/2020/02/nhuan/");
    expect(html).toMatch(/<html lang="vi">/);
    expect(html).toMatch(/<a href="\/chuyen-muc\/tin-hoat-dong\/">Tin hoạt động<\/a><\/li><li><a href="\/chuyen-muc\/lien-hiep-hoi\/">Liên hiệp Hội<\/a>/);
    expect(html).toContain('<p class="article-author">BH</p>');
    expect(html).toContain('<a href="/the/ban-chap-hanh/" rel="tag">Ban chấp hành</a>');
    expect(html).toContain('<h2 id="ket-qua">Kết quả</h2>');
    expect(html).toMatch(/rel="prev"><span class="prev-next-label">‹ Bài trước<\/span> Bài số 23/);
    expect(html).toMatch(/rel="next"><span class="prev-next-label">Bài sau ›<\/span> Trước nửa đêm/);
    expect(html).toContain("Tin cùng chuyên mục");
    expect(html).toContain('class="skip-link" href="#noi-dung"');
  });
  it("escapes HTML in titles", async () => {
    const html = await site.read("/tin-tuc/2021/05/tieu-de-html/");
    expect(html).toContain('<h1 class="article-title">&lt;script>alert(1)&lt;/script> &amp; &lt;b>đậm&lt;/b></h1>');
    expect(html).not.toContain("<script>alert(1)</script>");
  });
  it("paginates categories 20 a page and lists children's articles under the parent", async () => {
    const parent = await site.read("/chuyen-muc/tin-hoat-dong/");
    expect((parent.match(/class="card"/g) ?? []).length).toBe(20);
    expect(parent).toContain('href="/chuyen-muc/tin-hoat-dong/trang-2/"');
    const page2 = await site.read("/chuyen-muc/tin-hoat-dong/trang-2/");
    // 23 + leap day + two midnight articles = 26 in the tree: 6 on page 2.
    expect((page2.match(/class="card"/g) ?? []).length).toBe(6);
    expect(page2).toContain('<span aria-current="page"><span class="visually-hidden">Trang </span>2</span>');
  });
  it("has tag pages, the archive index, static pages, search and 404", async () => {
    expect(await site.read("/the/hoi-nghi/")).toContain("Ngày nhuận");
    expect(await site.read("/luu-tru/")).toContain('href="/luu-tru/2019/"');
    expect(await site.read("/gioi-thieu/")).toContain("Trang giới thiệu.");
    expect(await site.read("/tim-kiem/")).toContain("Chức năng tìm kiếm cần bật JavaScript.");
    const notFound = await site.read("/404.html");
    expect(notFound).toContain("Không tìm thấy trang");
    expect(notFound).toContain("Trang bạn tìm không tồn tại hoặc đã được chuyển sang địa chỉ khác.");
  });
  it("puts the lead article first on the home page", async () => {
    const home = await site.read("/");
    const lead = /<article class="lead-article">([\s\S]*?)<\/article>/.exec(home)?.[1] ?? "";
    expect(lead).toContain('<a href="/tin-tuc/2022/01/gio-z/">Giờ UTC</a>');
  });
  it("shows only the contact facts that are known", async () => {
    const html = await site.read("/lien-he/");
    expect(html).not.toMatch(/<dt>(Địa chỉ|Điện thoại|Email)<\/dt>/);
  });
});

describe("drafts and future articles", () => {
  it("stay out of the production build", async () => {
    await expect(site.read("/tin-tuc/2021/05/ban-nhap/")).rejects.toThrow();
    await expect(site.read("/tin-tuc/2099/01/tuong-lai/")).rejects.toThrow();
    expect(await site.read("/chuyen-muc/sang-tao/")).not.toMatch(/Bản nháp chưa đăng|Bài hẹn giờ/);
  });
  it("show in preview (npm start), marked as such", async () => {
    expect(preview.status).toBe(0);
    expect(await preview.read("/tin-tuc/2021/05/ban-nhap/")).toContain('<span class="badge">Bản nháp</span>');
    expect(await preview.read("/tin-tuc/2099/01/tuong-lai/")).toContain("Hẹn giờ, chưa công khai");
  });
});

