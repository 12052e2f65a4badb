import { lstat, mkdir, mkdtemp, readdir, readFile, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { startPreviewServer } from "../../scripts/tools/preview-server.ts";
import { scanMedia } from "../../scripts/build/publish/media-files.ts";
import { article, buildContent, makeContent, runCli } from "../support/content.ts";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
const DOCX = Buffer.from("PK\u0003\u0004 docx");
const SVG = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>';

/** The files an editor (or an attacker with commit rights) may put in content/media. */
const harmless = {
  "media/tai-lieu/cong-van-so-12.pdf": PDF,
  "media/tai-lieu/Báo cáo tổng kết.docx": DOCX,
  "media/tai-lieu/so-lieu.xlsx": DOCX,
  "media/tai-lieu/ban-tin.zip": Buffer.from("PK\u0003\u0004"),
  "media/ghi-chu.txt": "ghi chú",
  "media/.DS_Store": "x",
};
const hostile = {
  "media/trang.html": "<script>localStorage.x = 1</script>",
  "media/trang.js": "fetch('/')",
  "media/logo.svg": SVG,
  "media/du-lieu.xml": "<x/>",
};

let outsideDir: string;
async function addLinks(content: string, which: "inside" | "all"): Promise<void> {
  await symlink("tai-lieu/cong-van-so-12.pdf", join(content, "media", "cong-van-moi.pdf"));
  if (which === "inside") return;
  await symlink("/etc/passwd", join(content, "media", "passwd.txt"));
  await symlink(join(outsideDir, "ngoai.pdf"), join(content, "media", "ngoai.pdf"));
  await mkdir(join(content, "media", "2020"), { recursive: true });
  await symlink(join(outsideDir, "anh-ngoai.jpg"), join(content, "media", "2020", "anh-ngoai.jpg"));
  await symlink(outsideDir, join(content, "media", "thu-muc-ngoai"));
}

beforeAll(async () => {
  outsideDir = await mkdtemp(join(tmpdir(), "lhh-outside-"));
  await writeFile(join(outsideDir, "ngoai.pdf"), PDF);
  await sharp({ create: { width: 400, height: 300, channels: 3, background: "#c33" } }).jpeg().toFile(join(outsideDir, "anh-ngoai.jpg"));
});

describe("npm run check on content/media", () => {
  it("names every refused file: an error for what a browser runs or what leads outside, a warning otherwise", async () => {
    const content = await makeContent({
      ...harmless,
      ...hostile,
      "tin-tuc/2020/bai.md": article({ title: "Bài có ảnh ngoài", date: "2020-03-01T08:00:00", category: "lien-hiep-hoi" }, "![Ảnh](/media/2020/anh-ngoai.jpg)\n"),
    });
    await addLinks(content, "all");
    const run = runCli("check", { CONTENT_DIR: content });
    expect(run.status).toBe(1);
    const out = run.stdout + run.stderr;
    const line = (file: string) => out.split("\n").find((l) => l.startsWith(`${relative(process.cwd(), join(content, file))}:1: `)) ?? "";
    for (const file of ["media/trang.html", "media/trang.js", "media/logo.svg", "media/du-lieu.xml", "media/passwd.txt", "media/ngoai.pdf", "media/2020/anh-ngoai.jpg", "media/thu-muc-ngoai"]) {
      expect(line(file), file).toMatch(/:1: media: /);
      expect(line(file), file).not.toContain("cảnh báo");
    }
    expect(line("media/passwd.txt")).toContain("tới /etc/passwd, ngoài thư mục content/media");
    expect(line("media/logo.svg")).toContain("xuất hình ra PNG");
    for (const file of ["media/tai-lieu/ban-tin.zip", "media/ghi-chu.txt"]) expect(line(file), file).toMatch(/:1: cảnh báo: media: .*không được đăng/);
    // The article that shows the outside image is named too, at its line.
    expect(out).toMatch(/tin-tuc\/2020\/bai\.md:\d+: .*anh-ngoai\.jpg là liên kết \(symlink\)/);
    for (const file of Object.keys(harmless).filter((f) => /\.(pdf|docx|xlsx)$|DS_Store/.test(f))) expect(line(file), file).toBe("");
    expect(line("media/cong-van-moi.pdf")).toBe("");
  });

  it("a production build with any of them stops and writes nothing", async () => {
    for (const [file, text] of Object.entries(hostile)) {
      const content = await makeContent({ [file]: text });
      const build = await buildContent(content);
      expect(build.status, file).toBe(1);
      expect(await readdir(build.outputDir), file).toEqual([]);
    }
    const linked = await makeContent(harmless);
    await addLinks(linked, "all");
    const build = await buildContent(linked);
    expect(build.status).toBe(1);
    expect(await readdir(build.outputDir)).toEqual([]);
  });
});

describe("links (symlinks) elsewhere in the content tree", () => {
  it("are named by npm run check, never read, and stop a production build", async () => {
    const outside = await mkdtemp(join(tmpdir(), "lhh-outside-tree-"));
    await mkdir(join(outside, "trang"));
    await writeFile(join(outside, "bai.md"), article({ title: "Bài ở ngoài", date: "2020-03-01T08:00:00", category: "lien-hiep-hoi" }, "Chữ bí mật ở ngoài.\n"));
    await writeFile(join(outside, "trang", "bi-mat.md"), "---\ntitle: Trang ở ngoài\n---\n\nChữ bí mật ở ngoài.\n");
    await writeFile(join(outside, "links.yaml"), "- title: Liên kết ở ngoài\n  url: https://vusta.vn\n");
    const content = await makeContent({ "tin-tuc/2020/bai.md": article({ title: "Bài thật", date: "2020-03-02T08:00:00", category: "lien-hiep-hoi" }) });
    const links: Record<string, string> = {
      "tin-tuc/2020/bai-ngoai.md": join(outside, "bai.md"), // the loader would skip it without a word
      trang: join(outside, "trang"), // a whole folder from elsewhere
      "_data/links.yaml": join(outside, "links.yaml"), // in the sidebar of every page
      "_data/videos.yaml": "/dev/zero", // read to the end, it never ends
    };
    for (const [path, target] of Object.entries(links)) await symlink(target, join(content, path));

    const run = runCli("check", { CONTENT_DIR: content });
    expect(run.status).toBe(1);
    for (const [path, target] of Object.entries(links)) {
      const line = `${relative(process.cwd(), join(content, path))}:1: (file): là liên kết (symlink) tới ${target}, không phải một tệp thật trong thư mục nội dung`;
      expect(run.stderr.split("\n").filter((l) => l.startsWith(line)), path).toHaveLength(1);
    }
    expect(run.stderr).not.toContain("bí mật");

    const build = await buildContent(content);
    expect(build.status).toBe(1);
    expect(build.stderr).toMatch(/Dừng đăng trang: nội dung có 4 lỗi/);
    expect(await readdir(build.outputDir)).toEqual([]);
  });
});

describe("what a build publishes from content/media", () => {
  let outputDir: string;
  beforeAll(async () => {
    const content = await makeContent({
      ...harmless,
      "tin-tuc/2020/bai.md": article({ title: "Công văn", date: "2020-03-01T08:00:00", category: "lien-hiep-hoi" }, "[Tải công văn](/media/tai-lieu/cong-van-so-12.pdf)\n"),
    });
    await addLinks(content, "inside");
    const build = await buildContent(content);
    expect(build.status, build.stderr).toBe(0);
    outputDir = build.outputDir;
  });

  it("copies documents byte for byte, a link inside content/media as a file, and nothing else", async () => {
    const media = (await readdir(join(outputDir, "media"), { recursive: true, withFileTypes: true })).filter((e) => !e.isDirectory());
    const files = media.map((e) => relative(join(outputDir, "media"), join(e.parentPath, e.name))).sort();
    expect(files).toEqual(["cong-van-moi.pdf", "tai-lieu/Báo cáo tổng kết.docx", "tai-lieu/cong-van-so-12.pdf", "tai-lieu/so-lieu.xlsx"].sort());
    expect(await readFile(join(outputDir, "media/tai-lieu/cong-van-so-12.pdf"))).toEqual(PDF);
    const linked = await lstat(join(outputDir, "media/cong-van-moi.pdf"));
    expect(linked.isFile() && !linked.isSymbolicLink()).toBe(true);
  });

  it("serves a PDF as application/pdf, never sniffed", async () => {
    const server = await startPreviewServer({ root: outputDir });
    try {
      const pdf = await fetch(`${server.url}/media/tai-lieu/cong-van-so-12.pdf`);
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get("content-type")).toBe("application/pdf");
      expect(pdf.headers.get("x-content-type-options")).toBe("nosniff");
      expect(pdf.headers.get("cache-control")).toBe("public, max-age=0, must-revalidate");
      const docx = await fetch(`${server.url}/media/tai-lieu/${encodeURIComponent("Báo cáo tổng kết.docx")}`);
      expect(docx.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    } finally {
      await server.close();
    }
  });

  it("scans without following links: an outside folder's files are never listed as documents", async () => {
    const content = await makeContent(harmless);
    await addLinks(content, "all");
    const scan = await scanMedia(content);
    expect(scan.documents.map((d) => d.rel).sort()).toEqual(["cong-van-moi.pdf", "tai-lieu/Báo cáo tổng kết.docx", "tai-lieu/cong-van-so-12.pdf", "tai-lieu/so-lieu.xlsx"].sort());
    for (const d of scan.documents) expect(d.source.startsWith(content) || d.source.startsWith(await import("node:fs").then((f) => f.realpathSync(content)))).toBe(true);
  });
});

describe("a video file that videos.yaml plays", () => {
  const MP4 = Buffer.from("\u0000\u0000\u0000\u0018ftypmp42 the bytes of a video");
  const videos = (src: string) => `- title: Hội nghị tổng kết\n  src: ${src}\n  poster: /media/video/anh-bia.jpg\n`;
  let poster: Buffer;
  beforeAll(async () => {
    poster = await sharp({ create: { width: 1280, height: 720, channels: 3, background: "#36c" } }).jpeg().toBuffer();
  });

  it("is published as itself, served as video/mp4, and its poster only through the image pipeline", async () => {
    const content = await makeContent({
      "media/video/hoi-nghi.mp4": MP4,
      "media/video/anh-bia.jpg": poster,
      "_data/videos.yaml": videos("/media/video/hoi-nghi.mp4"),
      "tin-tuc/2020/bai.md": article({ title: "Hội nghị tổng kết", date: "2020-03-01T08:00:00", category: "lien-hiep-hoi" }),
    });
    const check = runCli("check", { CONTENT_DIR: content });
    expect(check.status, check.stderr).toBe(0);
    expect(check.stdout + check.stderr).not.toContain("hoi-nghi.mp4");
    const build = await buildContent(content);
    expect(build.status, build.stderr).toBe(0);
    expect(await readFile(join(build.outputDir, "media/video/hoi-nghi.mp4"))).toEqual(MP4);
    const page = await build.read("/video/");
    const [, posterUrl] = /<video [^>]*poster="([^"]+)"/.exec(page)!;
    // Resized to the column, under a hashed name; the uploaded file itself is never published.
    expect(posterUrl).toMatch(/^\/media\/video\/anh-bia-760\.[0-9a-f]+\.jpg$/);
    expect((await sharp(join(build.outputDir, posterUrl!)).metadata()).width).toBe(760);
    expect(await readdir(join(build.outputDir, "media/video"))).not.toContain("anh-bia.jpg");
    expect(page).toContain('<source src="/media/video/hoi-nghi.mp4" type="video/mp4"/>');
    const server = await startPreviewServer({ root: build.outputDir });
    try {
      const video = await fetch(`${server.url}/media/video/hoi-nghi.mp4`);
      expect([video.status, video.headers.get("content-type"), video.headers.get("x-content-type-options")]).toEqual([200, "video/mp4", "nosniff"]);
    } finally {
      await server.close();
    }
  });

  it("that is missing is an error at its line, and so is a poster that is missing", async () => {
    const content = await makeContent({ "_data/videos.yaml": videos("/media/video/khong-co.mp4") });
    const run = runCli("check", { CONTENT_DIR: content });
    expect(run.status).toBe(1);
    const file = relative(process.cwd(), join(content, "_data/videos.yaml"));
    expect(run.stderr).toContain(`${file}:2: 0.src: không có tệp video content/media/video/khong-co.mp4 — tải tệp .mp4 lên content/media/video/`);
    expect(run.stderr).toMatch(new RegExp(`${file.replace(/[.]/g, "\\.")}:3: 0\\.poster: không có tệp ảnh .*anh-bia\\.jpg`));
    const build = await buildContent(content);
    expect(build.status).toBe(1);
    expect(await readdir(build.outputDir)).toEqual([]);
  });
});
