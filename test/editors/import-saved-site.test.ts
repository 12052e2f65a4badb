import { cp, mkdtemp, readdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { RedirectsHandler } from "@netlify/redirects";
import { beforeAll, describe, expect, it } from "vitest";
import { toTCVN3, toVNI } from "vietnamese-conversion";
import { validateContent } from "../../scripts/build/check/validate.ts";
import { articlePage, mobilePage } from "../../scripts/tools/fixtures/legacy-layout.ts";
import { writeBenchSite, writeFixtureSite } from "../../scripts/tools/fixtures/saved-site.ts";
import { decodeHtml } from "../../scripts/tools/import/decode-html.ts";
import { convertLegacy, fontEncoding } from "../../scripts/tools/import/legacy-text.ts";
import { parseSavedPage, undoSavedName, type SavedArticle } from "../../scripts/tools/import/saved-page.ts";
import { article, buildContent, makeContent, runCli } from "../support/content.ts";
import { FIXTURE_TREE } from "../../scripts/tools/fixtures/tree.ts";

let saved: string;
beforeAll(async () => {
  saved = await mkdtemp(join(tmpdir(), "saved-site-"));
  await writeFixtureSite(saved);
  // wget's own name for `mobile.aspx?id=2101` on Linux (the fixture keeps the Windows-safe "@" for 2103).
  await rename(join(saved, "mobile.aspx@id=2101.html"), join(saved, "mobile.aspx?id=2101.html"));
});

const page = async (name: string) => {
  const decoded = decodeHtml(await readFile(join(saved, name)));
  if (!decoded.ok) throw new Error(decoded.message);
  return parseSavedPage(decoded.text, name);
};
const articleOf = async (name: string): Promise<SavedArticle> => {
  const p = await page(name);
  if (p.kind !== "article") throw new Error(JSON.stringify(p));
  return p;
};
const bodyText = (a: SavedArticle) => a.blocks.map((b) => (b.kind === "text" ? b.md : b.kind === "figure" ? `[${b.caption}]` : `[video ${b.id} ${b.caption}]`)).join("\n");

const import_ = (content: string, ...args: string[]) => {
  const r = runCli("import-legacy", { CONTENT_DIR: content }, args);
  return { code: r.status, out: r.stdout + r.stderr };
};

describe("reading saved pages", () => {
  it("decodes the declared windows-1258, whose tone marks are separate characters, into NFC", async () => {
    const bytes = await readFile(join(saved, "i2102-hoi-thao-khoa-hoc-ve-nong-nghiep.aspx.html"));
    // The file really is windows-1258 with combining marks: "ộ" is "ô" (0xF4) + 0xF2 (dot below).
    expect(bytes.includes(Buffer.from([0x48, 0xf4, 0xf2, 0x69]))).toBe(true);
    const decoded = decodeHtml(bytes);
    expect(decoded).toMatchObject({ ok: true, charset: "windows-1258" });
    if (!decoded.ok) return;
    expect(decoded.text).toContain("Hội thảo khoa học về nông nghiệp");
    expect(decoded.text).toBe(decoded.text.normalize("NFC"));
  });

  it("says which charset is wrong, in Vietnamese", () => {
    const bad = Buffer.concat([Buffer.from('<html><head><meta charset="utf-8"></head><body>'), Buffer.from([0xc3, 0x28]), Buffer.from("</body></html>")]);
    expect(decodeHtml(bad)).toEqual({ ok: false, message: expect.stringMatching(/^trang không đúng bảng mã utf-8 mà trang khai báo — .*UTF-8/) });
    expect(decodeHtml(Buffer.from('<meta charset="x-klingon">'))).toMatchObject({ ok: false, message: expect.stringContaining("x-klingon") });
  });

  it("turns crawler file names back into old addresses", () => {
    expect(undoSavedName("mobile.aspx@id=2101.html")).toBe("mobile.aspx?id=2101");
    expect(undoSavedName("mobile.aspx?id=2101.html")).toBe("mobile.aspx?id=2101");
    expect(undoSavedName("i2102-hoi-thao.aspx.html")).toBe("i2102-hoi-thao.aspx");
    expect(undoSavedName("i2101-x.aspx")).toBe("i2101-x.aspx");
    expect(undoSavedName("gioi-thieu.html")).toBe("gioi-thieu.html");
  });

  it("recognises each page by its content, whatever its name, and says why a page is skipped", async () => {
    expect(await page("Default.aspx.html")).toMatchObject({ kind: "skipped", reason: "trang chủ" });
    expect(await page("c12-tin-hoat-dong.aspx")).toMatchObject({ kind: "skipped", reason: "trang danh sách tin của một chuyên mục" });
    expect(await page("lien-he.aspx")).toMatchObject({ kind: "skipped", reason: "trang liên hệ" });
    // Named like an article, but the crawler saved IIS's error page.
    expect(await page("i9999-bai-da-xoa.aspx")).toMatchObject({ kind: "skipped", reason: "trang báo lỗi" });
    for (const [name, address, mobile] of [
      ["i2101-trien-khai-nhiem-vu-nam-2020.aspx", "/i2101-trien-khai-nhiem-vu-nam-2020.aspx", false],
      ["i2102-hoi-thao-khoa-hoc-ve-nong-nghiep.aspx.html", "/i2102-hoi-thao-khoa-hoc-ve-nong-nghiep.aspx", false],
      ["mobile.aspx?id=2101.html", "/mobile.aspx?id=2101", true],
      ["mobile.aspx@id=2103.html", "/mobile.aspx?id=2103", true],
    ] as const) {
      expect(await page(name), name).toMatchObject({ kind: "article", address, mobile });
    }
  });

  it("reads title, Vietnam time (12 AM and 12 PM), category path, author and old address", async () => {
    const a = await articleOf("i2101-trien-khai-nhiem-vu-nam-2020.aspx");
    expect([a.title, a.date.toISO({ suppressMilliseconds: true }), a.breadcrumb, a.author, a.id]).toEqual([
      "Triển khai nhiệm vụ năm 2020", "2020-02-29T15:41:14+07:00", ["Tin hoạt động", "Liên hiệp Hội"], "BH", "2101",
    ]);
    const b = await articleOf("i2102-hoi-thao-khoa-hoc-ve-nong-nghiep.aspx.html");
    expect([b.date.toISO({ suppressMilliseconds: true }), b.breadcrumb, b.author]).toEqual(["2021-06-15T00:05:00+07:00", ["Tin hoạt động", "Hội thành viên"], "N.T.H"]);
    const c = await articleOf("mobile.aspx@id=2103.html");
    expect([c.date.toISO({ suppressMilliseconds: true }), c.breadcrumb, c.author]).toEqual(["2022-03-01T12:30:00+07:00", ["Thông báo"], "PV"]);
  });

  it("keeps the main content only: no menu, sidebar, counter, footer, view state, scripts or 'Các tin khác'", async () => {
    for (const name of ["i2101-trien-khai-nhiem-vu-nam-2020.aspx", "i2102-hoi-thao-khoa-hoc-ve-nong-nghiep.aspx.html", "mobile.aspx?id=2101.html", "mobile.aspx@id=2103.html"]) {
      const a = await articleOf(name);
      const text = bodyText(a);
      for (const chrome of ["Các tin khác", "THÔNG BÁO", "VIDEO NHÚNG", "LIÊN KẾT WEB", "DANH NGÔN", "Lượt truy cập", "Đang trực tuyến", "3994514",
        "wEPDwUK", "__doPostBack", "_gaq", "Trang chủ", "In trang", "Quay lại", "Bản đầy đủ", "sidebarVid0", "Thông báo mẫu", "(Đăng lúc", a.title]) {
        expect(text, `${name}: ${chrome}`).not.toContain(chrome);
      }
      expect(a.blocks.at(-1)?.kind === "text" && /^[A-Z.]+$/.test((a.blocks.at(-1) as { plain: string }).plain)).toBe(false);
    }
    // The desktop layout's own markers find the body; the mobile layout has none, so Readability does.
    expect((await articleOf("i2101-trien-khai-nhiem-vu-nam-2020.aspx")).extractor).toBe("layout");
    expect((await articleOf("mobile.aspx@id=2103.html")).extractor).toBe("readability");
  });

  it("is not misled by dates in the 'Các tin khác' list", () => {
    const others = [{ href: "i1-a.aspx", text: "Tin khác (Đăng lúc: 01/01/2020 08:00:00 AM)" }, { href: "i2-b.aspx", text: "Tin nữa (Đăng lúc: 02/01/2020 08:00:00 AM)" }];
    const html = articlePage({ id: 5, slug: "x", path: [{ href: "c30-thong-bao.aspx", text: "Thông báo" }], posted: "03/01/2020 08:00:00 AM", title: "Bài có danh sách tin khác", bodyHtml: "<p>Nội dung.</p>", others });
    expect(parseSavedPage(html, "i5-x.aspx")).toMatchObject({ kind: "article", title: "Bài có danh sách tin khác" });
  });

  it("finds the same article in the desktop page and its mobile copy", async () => {
    const desktop = await articleOf("i2101-trien-khai-nhiem-vu-nam-2020.aspx");
    const mobile = await articleOf("mobile.aspx?id=2101.html");
    expect(bodyText(mobile)).toBe(bodyText(desktop));
  });
});

describe("old Vietnamese encodings", () => {
  const line = "Trong năm 2022, Liên hiệp Hội đề ra các nhiệm vụ và giải pháp cơ bản cho hội thi.";

  it("knows the old fonts", () => {
    expect(fontEncoding(".VnTime")).toEqual({ encoding: "TCVN3", capitals: false });
    expect(fontEncoding(".VnTimeH, serif")).toEqual({ encoding: "TCVN3", capitals: true });
    expect(fontEncoding("VNI-Times")).toEqual({ encoding: "VNI", capitals: false });
    expect(fontEncoding("Times New Roman")).toBeNull();
  });

  it("converts only when the result is certain", () => {
    expect(convertLegacy(toTCVN3(line, "unicode"), "TCVN3")).toEqual({ certain: true, text: line });
    expect(convertLegacy(toTCVN3("thông báo kết quả", "unicode"), "TCVN3", true)).toEqual({ certain: true, text: "THÔNG BÁO KẾT QUẢ" });
    // TCVN3 has no capital letters with tones: "KẾT" cannot come back.
    expect(convertLegacy(toTCVN3("LIÊN KẾT WEB", "unicode"), "TCVN3").certain).toBe(false);
    // vietnamese-conversion reads VNI "chöùc" as "chưùc": the round trip catches it.
    expect(convertLegacy(toVNI("tổ chức hội thi", "unicode"), "VNI").certain).toBe(false);
    expect(convertLegacy(toVNI("Hội nghị Ban chấp hành", "unicode"), "VNI")).toEqual({ certain: true, text: "Hội nghị Ban chấp hành" });
    expect(convertLegacy(line, "TCVN3").certain).toBe(false);
  });

  it("converts the TCVN3 paragraph of the fixture, and keeps an uncertain VNI one with a warning at its line", async () => {
    expect(bodyText(await articleOf("mobile.aspx@id=2103.html"))).toContain(line);
    const html = articlePage({
      id: 3001, slug: "vni", path: [{ href: "c30-thong-bao.aspx", text: "Thông báo" }], posted: "02/01/2021 09:00:00 AM", title: "Bài VNI", others: [],
      bodyHtml: `<p>Mở đầu.</p>\n<p><font face="VNI-Times">${toVNI("Ban tổ chức hội thi sáng tạo", "unicode")}</font></p>`,
    });
    const a = parseSavedPage(html, "i3001-vni.aspx");
    if (a.kind !== "article") throw new Error(JSON.stringify(a));
    expect(bodyText(a)).toContain(toVNI("Ban tổ chức hội thi sáng tạo", "unicode"));
    expect(a.notes).toEqual([{ line: html.split("\n").findIndex((l) => l.includes("VNI-Times")) + 1, message: expect.stringMatching(/bảng mã cũ VNI .*đã giữ nguyên; hãy chuyển bằng UniKey/) }]);
  });
});

describe("npm run import on a saved site", () => {
  let content: string;
  let first: ReturnType<typeof import_>;
  const read = (p: string) => readFile(join(content, p), "utf8");
  const A = "tin-tuc/2020/trien-khai-nhiem-vu-nam-2020.md";
  const B = "tin-tuc/2021/hoi-thao-khoa-hoc-ve-nong-nghiep.md";
  const C = "tin-tuc/2022/thong-bao-to-chuc-hoi-thi-sang-tao-bai-mau.md";

  beforeAll(async () => {
    // An article imported earlier (by hand), which the windows-1258 page links to as i1500.
    content = await makeContent({
      "tin-tuc/2019/bai-cu.md": article({ title: "Bài cũ", date: "2019-05-01T08:00:00+07:00", category: "thong-bao", legacy_url: "/i1500-bai-cu.aspx" }),
    });
    first = import_(content, saved);
  });

  it("imports every article once, skips the rest with reasons, warns about what is missing, and exits 0", () => {
    expect(first.code).toBe(0);
    expect(first.out).toContain("Tổng kết: 3 bài tạo mới, 0 bài ghi lại, 0 bài đã có (không đổi), 5 trang bỏ qua, 1 cảnh báo, 0 lỗi.");
    expect(first.out).toContain("Bỏ qua: trang chủ (1); trang danh sách tin của một chuyên mục (1); trang báo lỗi (1); trang liên hệ (1); bản cho điện thoại của bài (1).");
    expect(first.out).toMatch(new RegExp(`${saved}/mobile\\.aspx\\?id=2101\\.html: bỏ qua: bản cho điện thoại của bài lấy từ ${saved}/i2101-trien-khai-nhiem-vu-nam-2020\\.aspx`));
    expect(first.out).toMatch(new RegExp(`${saved}/Default\\.aspx\\.html: bỏ qua: trang chủ`));
    // The missing photo, by its old path, at its line in the saved page.
    expect(first.out).toMatch(new RegExp(`${saved}/mobile\\.aspx@id=2103\\.html:13: cảnh báo: ảnh “/Upload/images/2022/anh-khong-con\\.jpg” không có trong bản lưu — bài vẫn được chuyển`));
    expect(first.out).not.toMatch(/\bat \S+:\d+:\d+|Error:/);
  });

  it("writes the fields and a Markdown body as an editor would", async () => {
    const expected: Record<string, string[]> = {
      [A]: [
        "---\ntitle: Triển khai nhiệm vụ năm 2020\ndate: 2020-02-29T15:41:14+07:00\ncategory: lien-hiep-hoi\nauthor: BH\nlegacy_url: /i2101-trien-khai-nhiem-vu-nam-2020.aspx\n---\n\n",
        // Captions from the two-row table and from the centred italic line; photos under ASCII names.
        '![Quang cảnh Hội nghị](../../media/2020/quang-canh-hoi-nghi.jpg "Quang cảnh Hội nghị")',
        '](../../media/2020/pho-chu-tich-phat-bieu.jpg "Phó Chủ tịch UBND tỉnh Đặng Ngọc Dũng phát biểu chỉ đạo tại Hội nghị")',
        "::: video https://www.youtube.com/watch?v=fixtureVid1\nVideo 05 Sự kiện và 05 hoạt động nổi bật của Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Quảng Ngãi năm 2019\n:::",
        "tư tưởng;\\\nĐẩy mạnh",
        "20.000 hội viên.\n\n",
        "[bài hội thảo](../2021/hoi-thao-khoa-hoc-ve-nong-nghiep.md) và [thông báo](../2022/thong-bao-to-chuc-hoi-thi-sang-tao-bai-mau.md)",
      ],
      [B]: [
        "date: 2021-06-15T00:05:00+07:00\ncategory: hoi-thanh-vien\nauthor: N.T.H\nlegacy_url: /i2102-hoi-thao-khoa-hoc-ve-nong-nghiep.aspx\n",
        "**Bài mẫu để kiểm thử công cụ chuyển bài.** Sáng nay",
        "về *ứng dụng tiến bộ kỹ thuật* trong",
        "- Giới thiệu **giống cây trồng** mới;\n- Trao đổi kinh nghiệm sản xuất;\n- Thảo luận và kiến nghị.",
        "1. Tải mẫu đăng ký;\n2. Điền đủ thông tin;\n3. Gửi về ban tổ chức.",
        "Thời gian: 8 giờ 00\\\nĐịa điểm:",
        "[Kế hoạch hội thảo](../../media/2021/ke-hoach-hoi-thao.pdf); [Mẫu đăng ký](../../media/2021/mau-dang-ky.doc)",
        // Links to old articles: one imported in this run, one that was already in content/.
        "Xem lại [Triển khai nhiệm vụ năm 2020](../2020/trien-khai-nhiem-vu-nam-2020.md); bài [cũ hơn](../2019/bai-cu.md)",
        "[bên ngoài](http://example.org/hoi-thao)",
      ],
      [C]: [
        "category: thong-bao\nauthor: PV\nlegacy_url: /mobile.aspx?id=2103\n",
        '![Ảnh tạm thay cho ảnh gốc chưa có: Hội thi năm trước (ảnh mẫu)](../../media/anh-chua-co-placeholder.png "Hội thi năm trước (ảnh mẫu)")',
        // The TCVN3 paragraph, converted.
        "Trong năm 2022, Liên hiệp Hội đề ra các nhiệm vụ và giải pháp cơ bản cho hội thi.",
      ],
    };
    for (const [file, parts] of Object.entries(expected)) {
      const md = await read(file);
      expect(md).toBe(md.normalize("NFC"));
      for (const part of parts) expect(md, file).toContain(part);
    }
    expect((await read(A)).startsWith(expected[A]![0]!)).toBe(true);

    expect((await readdir(join(content, "tin-tuc"), { recursive: true })).filter((f) => f.endsWith(".md")).sort()).toEqual(
      ["2019/bai-cu.md", "2020/trien-khai-nhiem-vu-nam-2020.md", "2021/hoi-thao-khoa-hoc-ve-nong-nghiep.md", "2022/thong-bao-to-chuc-hoi-thi-sang-tao-bai-mau.md"],
    );
    // The copies are the saved files, byte for byte (the PDF and DOC are real ones).
    for (const [copy, original] of [["media/2021/ke-hoach-hoi-thao.pdf", "Upload/files/2021/Ke hoach hoi thao.pdf"], ["media/2021/mau-dang-ky.doc", "Upload/files/2021/mau-dang-ky.doc"], ["media/2020/pho-chu-tich-phat-bieu.jpg", "Upload/images/2020/Phó Chủ tịch phát biểu.JPG"]] as const) {
      expect((await readFile(join(content, copy))).equals(await readFile(join(saved, original))), copy).toBe(true);
    }
    // A Word 97 document is an OLE compound file; the PDF starts as PDFs do.
    expect((await readFile(join(content, "media/2021/mau-dang-ky.doc"))).subarray(0, 8).toString("hex")).toBe("d0cf11e0a1b11ae1");
    expect((await readFile(join(content, "media/2021/ke-hoach-hoi-thao.pdf"))).subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("leaves a tree that loads and passes the checks", async () => {
    const { issues: all } = await validateContent({ contentDir: content, preview: false });
    expect(all.filter((i) => i.severity === "error")).toEqual([]);
    // The one stand-in photo is what the check lists for an editor to replace.
    // (menu.yaml's links to pages this tree does not have are warned about too; they are not the import's.)
    expect(all.filter((i) => i.severity === "warning" && !i.file.endsWith("menu.yaml")).map((i) => `${i.file.split("/").slice(-2).join("/")}:${i.field}`)).toEqual(["2022/thong-bao-to-chuc-hoi-thi-sang-tao-bai-mau.md:image"]);
  });

  it("changes nothing when run again, and --force rewrites what an editor changed", async () => {
    const files = async () => {
      const entries = await readdir(content, { recursive: true, withFileTypes: true });
      const out: Record<string, string> = {};
      for (const e of entries.filter((e) => e.isFile())) {
        const p = join(e.parentPath, e.name);
        out[p] = `${(await stat(p)).mtimeMs}:${(await readFile(p)).toString("base64")}`;
      }
      return out;
    };
    const before = await files();
    const again = import_(content, saved);
    expect(again.code).toBe(0);
    expect(again.out).toContain("Tổng kết: 0 bài tạo mới, 0 bài ghi lại, 3 bài đã có (không đổi), 5 trang bỏ qua, 0 cảnh báo, 0 lỗi.");
    expect(await files()).toEqual(before);

    await writeFile(join(content, A), (await read(A)).replace("Vào chiều", "Sửa tay: vào chiều"));
    const forced = import_(content, saved, "--force");
    expect(forced.code).toBe(0);
    expect(forced.out).toContain("Tổng kết: 0 bài tạo mới, 1 bài ghi lại, 2 bài đã có (không đổi)");
    expect(await read(A)).not.toContain("Sửa tay");
  });

  it("builds, and the old addresses redirect to the new ones by Netlify's matcher", async () => {
    const site = await buildContent(content);
    expect(site.status, site.stderr).toBe(0);
    const a = await site.read("/tin-tuc/2020/02/trien-khai-nhiem-vu-nam-2020/");
    expect(a).toContain("<figcaption>Quang cảnh Hội nghị</figcaption>");
    expect(a).toContain('data-video-src="https://www.youtube-nocookie.com/embed/fixtureVid1?autoplay=1"');
    expect(a).toContain('href="/tin-tuc/2021/06/hoi-thao-khoa-hoc-ve-nong-nghiep/"');
    const b = await site.read("/tin-tuc/2021/06/hoi-thao-khoa-hoc-ve-nong-nghiep/");
    expect(b).toContain('href="/media/2021/ke-hoach-hoi-thao.pdf"');
    expect((await readFile(join(site.outputDir, "media/2021/mau-dang-ky.doc"))).length).toBeGreaterThan(0);

    const handler = new RedirectsHandler({ configRedirects: [], jwtRoleClaim: "", jwtSecret: "x", projectDir: site.outputDir, publicDir: site.outputDir });
    const follow = async (path: string) => {
      let url = `http://localhost${path}`;
      for (let i = 0; i < 5; i++) {
        const match = await handler.match(new Request(url));
        if (!match) break;
        url = match.target.href;
      }
      return new URL(url).pathname;
    };
    for (const [from, to] of [
      ["/i2101-trien-khai-nhiem-vu-nam-2020.aspx", "/tin-tuc/2020/02/trien-khai-nhiem-vu-nam-2020/"],
      ["/mobile.aspx?id=2101", "/tin-tuc/2020/02/trien-khai-nhiem-vu-nam-2020/"],
      ["/Default.aspx?id=2102", "/tin-tuc/2021/06/hoi-thao-khoa-hoc-ve-nong-nghiep/"],
      ["/i2102-hoi-thao-khoa-hoc-ve-nong-nghiep.aspx", "/tin-tuc/2021/06/hoi-thao-khoa-hoc-ve-nong-nghiep/"],
      ["/mobile.aspx?id=2103", "/tin-tuc/2022/03/thong-bao-to-chuc-hoi-thi-sang-tao-bai-mau/"],
      ["/i2103-any-slug.aspx", "/tin-tuc/2022/03/thong-bao-to-chuc-hoi-thi-sang-tao-bai-mau/"],
    ]) {
      expect(await follow(from!), from).toBe(to);
    }
  });
});

describe("npm run import: failures", () => {
  it("fails (exit 1) on an unknown category or an impossible date, naming the page and line, and imports the rest", async () => {
    const dir = await mkdtemp(join(tmpdir(), "saved-bad-"));
    await cp(join(saved, "i2101-trien-khai-nhiem-vu-nam-2020.aspx"), join(dir, "i2101-trien-khai-nhiem-vu-nam-2020.aspx"));
    const base = { path: [{ href: "c1-x.aspx", text: "Tin tức" }, { href: "c2-y.aspx", text: "Hoạt động quốc tế" }], title: "Tin lạ", bodyHtml: "<p>Nội dung.</p>", others: [] };
    await writeFile(join(dir, "i3001-tin-la.aspx"), articlePage({ ...base, id: 3001, slug: "tin-la", posted: "01/01/2021 09:00:00 AM" }));
    const badDate = mobilePage({ ...base, id: 3002, slug: "", path: [{ href: "", text: "Thông báo" }], posted: "30/02/2021 09:00:00 AM" });
    await writeFile(join(dir, "mobile.aspx@id=3002.html"), badDate);
    const content = await makeContent();
    const r = import_(content, dir);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/Tổng kết: 1 bài tạo mới, 0 bài ghi lại, 0 bài đã có \(không đổi\), 0 trang bỏ qua, \d+ cảnh báo, 2 lỗi\./);
    expect(r.out).toContain(`${dir}/i3001-tin-la.aspx: lỗi: chuyên mục “Tin tức >> Hoạt động quốc tế” không có trên trang mới — thêm một dòng "Hoạt động quốc tế": <mã> vào scripts/tools/import/legacy-categories.yaml`);
    expect(r.out).toContain("Liên hiệp Hội (lien-hiep-hoi)");
    const line = badDate.split("\n").findIndex((l) => l.includes("Đăng lúc")) + 1;
    expect(r.out).toContain(`${dir}/mobile.aspx@id=3002.html:${line}: lỗi: “(Đăng lúc: 30/02/2021 09:00:00 AM)” không phải ngày giờ có thật`);
  });

  it("keeps two old articles with the same title and year apart by their old id", async () => {
    const dir = await mkdtemp(join(tmpdir(), "saved-twins-"));
    for (const id of [4001, 4002]) {
      const page = { id, slug: "thong-bao", path: [{ href: "c30-thong-bao.aspx", text: "Thông báo" }], title: "Thông báo", bodyHtml: `<p>Thông báo số ${id}.</p>`, others: [] };
      await writeFile(join(dir, `i${id}-thong-bao.aspx`), articlePage({ ...page, posted: `0${id - 4000}/05/2021 08:00:00 AM` }));
    }
    const content = await makeContent();
    expect(import_(content, dir).code).toBe(0);
    expect(await readFile(join(content, "tin-tuc/2021/thong-bao.md"), "utf8")).toContain("Thông báo số 4001.");
    expect(await readFile(join(content, "tin-tuc/2021/thong-bao-4002.md"), "utf8")).toContain("legacy_url: /i4002-thong-bao.aspx");
  });

  it("recognises an article written before by hand (same title and day) and says to add its old address", async () => {
    const content = await makeContent();
    await cp(join(FIXTURE_TREE, "tin-tuc/2020/trien-khai-nhiem-vu-nam-2020.md"), join(content, "tin-tuc/2020/trien-khai-nhiem-vu-nam-2020.md"));
    await cp(join(FIXTURE_TREE, "media/2020"), join(content, "media/2020"), { recursive: true });
    const before = await readFile(join(content, "tin-tuc/2020/trien-khai-nhiem-vu-nam-2020.md"), "utf8");
    const r = import_(content, saved);
    expect(r.code).toBe(0);
    expect(r.out).toContain("tin-tuc/2020/trien-khai-nhiem-vu-nam-2020.md: đã có (từ");
    expect(r.out).toContain("thiếu địa chỉ cũ — thêm dòng `legacy_url: /i2101-trien-khai-nhiem-vu-nam-2020.aspx`");
    expect(await readFile(join(content, "tin-tuc/2020/trien-khai-nhiem-vu-nam-2020.md"), "utf8")).toBe(before);
    expect(await readFile(join(content, "tin-tuc/2021/hoi-thao-khoa-hoc-ve-nong-nghiep.md"), "utf8")).toContain("[Triển khai nhiệm vụ năm 2020](../2020/trien-khai-nhiem-vu-nam-2020.md)");
  });

  it("reads a larger saved copy on worker threads with the same result", async () => {
    const dir = await mkdtemp(join(tmpdir(), "saved-bench-"));
    await writeBenchSite(dir, 240);
    const content = await makeContent();
    const r = import_(content, dir);
    expect(r.code).toBe(0);
    // 240 articles, 24 mobile copies, 3 listings, the home page; the first article links to one not saved.
    expect(r.out).toContain("Tổng kết: 240 bài tạo mới, 0 bài ghi lại, 0 bài đã có (không đổi), 28 trang bỏ qua, 1 cảnh báo, 0 lỗi.");
    const name = (await readdir(join(content, "tin-tuc/2009"))).find((f) => f.startsWith("bai-mau-10001-"))!;
    const md = await readFile(join(content, "tin-tuc/2009", name), "utf8");
    expect(md).toContain("legacy_url: /i10001-bai-mau.aspx");
    expect(md).toContain("[bài trước](../2008/bai-mau-10000-");
  });

  it("answers a wrong path with one sentence", () => {
    const r = import_("/nonexistent-content", "/khong/co/thu-muc-nay");
    expect(r.code).toBe(1);
    expect(r.out.trim()).toBe("/khong/co/thu-muc-nay: không có tệp hay thư mục này — kiểm tra lại đường dẫn (chạy lệnh trong thư mục của trang, ví dụ npm run import -- ../ban-luu-trang-cu).");
  });
});
