import { createHash } from "node:crypto";
import { mkdir, readFile, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatIssue } from "../../scripts/build/content/issues.ts";
import { checkImages, type ImageRef } from "../../scripts/build/images/check.ts";
import { inspectSource, type SourceInfo } from "../../scripts/build/images/inspect.ts";
import { syntheticPhoto } from "../../scripts/tools/fixtures/synthetic-photo.ts";
import { listFiles, tempSite, type TempSite } from "./helpers.ts";

let site: TempSite;
const article = "content/tin-tuc/2020/hoi-nghi.md";
const ref = (line: number, src: string, extra: Partial<ImageRef> = {}): ImageRef => ({ file: article, line, field: "body", src, ...extra });

beforeAll(async () => {
  site = await tempSite();
  process.chdir(site.root);
});
afterAll(() => site.remove());

async function messages(refs: ImageRef[]): Promise<string[]> {
  return (await checkImages(refs, site.contentDir, { cacheDir: site.cacheDir })).map(formatIssue);
}

describe("checkImages", () => {
  it("accepts a good photo and writes nothing to the site output", async () => {
    const url = await site.addPhoto("2020/tot.jpg", { width: 1600, height: 1200 });
    expect(await messages([ref(12, url, { alt: "Quang cảnh hội nghị" })])).toEqual([]);
    expect(await listFiles(site.outputDir)).toEqual([]);
  });

  it("inspects one photo saved under many names at once (an import copies the same photo to many articles)", async () => {
    const photo = await syntheticPhoto({ width: 640, height: 480, seed: 77 });
    const names = Array.from({ length: 40 }, (_, i) => `2020/ban-sao-${i}.jpg`);
    await mkdir(path.join(site.contentDir, "media", "2020"), { recursive: true });
    await Promise.all(names.map((n) => writeFile(path.join(site.contentDir, "media", n), photo)));
    const results = await Promise.all(names.map((n) => inspectSource(path.join(site.contentDir, "media", n), site.cacheDir)));
    expect(results.map((r) => r.ok)).toEqual(names.map(() => true));
  });

  it("reports a missing image with file, line and the fix", async () => {
    expect(await messages([ref(14, "/media/2020/khong-co.jpg")])).toEqual([
      `${article}:14: body: không có tệp ảnh content/media/2020/khong-co.jpg — kiểm tra tên tệp và thư mục (chữ hoa, chữ thường khác nhau), hoặc tải ảnh lên`,
    ]);
  });

  it("reports an image without alt text", async () => {
    const url = await site.addPhoto("2020/khong-alt.jpg", { width: 800, height: 600 });
    expect(await messages([ref(20, url, { alt: "  " })])).toEqual([
      `${article}:20: body: ảnh /media/2020/khong-alt.jpg chưa có mô tả — viết trong [ ] điều ảnh cho thấy, cho người không xem được ảnh, ví dụ ![Quang cảnh hội nghị](…)`,
    ]);
  });

  it("reports a file that is not an image", async () => {
    const url = await site.addMedia("2020/bao-cao.jpg", "%PDF-1.4 not really a photo");
    expect(await messages([ref(3, url, { field: "image" })])).toEqual([
      `${article}:3: image: content/media/2020/bao-cao.jpg không phải ảnh hoặc đã hỏng — mở bằng trình xem ảnh rồi lưu lại dạng JPEG hoặc PNG`,
    ]);
  });

  it("reports a truncated (corrupt) JPEG", async () => {
    const whole = await syntheticPhoto({ width: 1200, height: 900 });
    const url = await site.addMedia("2020/hong.jpg", whole.subarray(0, Math.floor(whole.length / 2)));
    const [message, ...rest] = await messages([ref(7, url)]);
    expect(rest).toEqual([]);
    expect(message).toMatch(/^content\/tin-tuc\/2020\/hoi-nghi\.md:7: body: content\/media\/2020\/hong\.jpg đã hỏng \(.*premature end.*\) — xuất lại ảnh từ bản gốc$/i);
  });

  it("reports a file over 25 MB", async () => {
    const photo = await syntheticPhoto({ width: 400, height: 300 });
    const url = await site.addMedia("2020/qua-nang.jpg", Buffer.concat([photo, Buffer.alloc(26 * 1024 * 1024)]));
    expect(await messages([ref(9, url)])).toEqual([
      `${article}:9: body: ảnh content/media/2020/qua-nang.jpg nặng 26 MB, quá giới hạn 25 MB — lưu lại nhỏ hơn (ảnh điện thoại lưu JPEG chất lượng 85 chỉ 3–6 MB)`,
    ]);
  });

  it("reports an image over 12,000 px on a side", async () => {
    const wide = await sharp({ create: { width: 12_500, height: 40, channels: 3, background: "#345" } }).png().toBuffer();
    const url = await site.addMedia("2020/toan-canh.png", wide);
    expect(await messages([ref(11, url)])).toEqual([
      `${article}:11: body: content/media/2020/toan-canh.png có kích thước 12500×40 px, quá giới hạn 12.000 px mỗi cạnh — thu nhỏ còn tối đa 4000 px`,
    ]);
  });

  it("reports SVG, animations and paths that leave the media folder", async () => {
    const svg = await site.addMedia("2020/so-do.svg", '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>');
    const frame = (c: string) => sharp({ create: { width: 40, height: 40, channels: 3, background: c } }).png().toBuffer();
    const gif = await sharp([await frame("#f00"), await frame("#00f")], { join: { animated: true } }).gif().toBuffer();
    const anim = await site.addMedia("2020/dong.gif", gif);
    const found = await messages([ref(1, svg), ref(2, anim), ref(3, "/media/../../etc/passwd")]);
    expect(found).toEqual([
      `${article}:1: body: content/media/2020/so-do.svg là hình vẽ SVG, có thể chứa mã chạy được — xuất ra dạng PNG`,
      `${article}:2: body: content/media/2020/dong.gif là ảnh động hoặc có nhiều trang — dùng ảnh tĩnh JPEG hoặc PNG (video thì đưa lên YouTube)`,
      `${article}:3: body: địa chỉ ảnh /media/../../etc/passwd ra ngoài thư mục ảnh — trỏ tới một tệp trong content/media/`,
    ]);
  });

  it("finds percent-encoded Vietnamese file names and ignores images outside /media/", async () => {
    await site.addPhoto("2020/Ảnh đẹp.jpg", { width: 500, height: 400 });
    expect(await messages([ref(5, encodeURI("/media/2020/Ảnh đẹp.jpg")), ref(6, "https://example.org/x.jpg"), ref(7, "/assets/logo.svg")])).toEqual([]);
  });

  it("reports every bad reference at once, each with its own line", async () => {
    const found = await messages([ref(30, "/media/a.jpg"), ref(31, "/media/b.jpg"), { ...ref(2, "/media/a.jpg"), file: "content/tin-tuc/2021/khac.md" }]);
    expect(found.map((m) => m.split(": ")[0])).toEqual([`${article}:30`, `${article}:31`, "content/tin-tuc/2021/khac.md:2"]);
  });

  it("remembers a source that passed by its hash, so a warm check does not decode it again", async () => {
    const url = await site.addPhoto("2020/nho-lai.jpg", { width: 900, height: 600 });
    expect(await messages([ref(1, url)])).toEqual([]);
    const file = path.join(site.contentDir, "media/2020/nho-lai.jpg");
    const hash = createHash("sha256").update(await readFile(file)).digest("hex");
    const record = path.join(site.cacheDir, "sources", `${hash}.json`);
    const info = JSON.parse(await readFile(record, "utf8")) as SourceInfo;
    expect(info).toMatchObject({ width: 900, height: 600, format: "jpeg", transparent: false });
    // Alter the record and touch the file: the next inspection must answer from the record.
    await writeFile(record, JSON.stringify({ ...info, width: 901 }));
    await utimes(file, new Date(), new Date(Date.now() + 5000));
    const again = await inspectSource(file, site.cacheDir);
    expect(again.ok && again.info.width).toBe(901);
  });
});
