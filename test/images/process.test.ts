import { readFile } from "node:fs/promises";
import path from "node:path";
import exifReader from "exif-reader";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OG_HEIGHT, OG_WIDTH, WIDTHS } from "../../scripts/build/images/config.ts";
import { processImage, type ProcessedImage } from "../../scripts/build/images/process.ts";
import { listFiles, tempSite, type TempSite } from "./helpers.ts";

let site: TempSite;
let phone: ProcessedImage;
let phoneSource: Buffer;

beforeAll(async () => {
  site = await tempSite();
  // A phone held upright: 4000×3000 pixels stored sideways, EXIF orientation 6, GPS position.
  const url = await site.addPhoto("2020/Ảnh hội nghị.jpg", { width: 4000, height: 3000, orientation: 6, gps: true, seed: 3 });
  const file = path.join(site.contentDir, "media/2020/Ảnh hội nghị.jpg");
  phoneSource = await readFile(file);
  phone = await processImage(file, { url, outputDir: site.outputDir, cacheDir: site.cacheDir, og: true });
});
afterAll(() => site.remove());

const outputPath = (url: string) => path.join(site.outputDir, url);

describe("processImage on a 4000×3000 phone photo with EXIF orientation 6 and GPS", () => {
  it("the test source really carries orientation 6 and a GPS position", async () => {
    const meta = await sharp(phoneSource).metadata();
    expect(meta.orientation).toBe(6);
    expect([meta.width, meta.height]).toEqual([4000, 3000]);
    expect(exifReader(meta.exif!).GPSInfo?.GPSLatitude).toEqual([15, 7, 12.34]);
  });

  it("writes AVIF, WebP and JPEG at every layout width, upright (portrait)", async () => {
    expect(phone.formats).toEqual(["avif", "webp", "jpeg"]);
    expect(phone.fallback).toBe("jpeg");
    expect(phone.widths).toEqual([...WIDTHS]);
    expect([phone.width, phone.height]).toEqual([1520, 2027]);
    expect(phone.variants).toHaveLength(WIDTHS.length * 3);
    for (const v of phone.variants) {
      const meta = await sharp(outputPath(v.url)).metadata();
      expect(meta.format).toBe(v.format === "avif" ? "heif" : v.format);
      expect([meta.width, meta.height]).toEqual([v.width, v.height]);
      expect(meta.height).toBeGreaterThan(meta.width);
    }
  });

  it("turns the picture the right way up: the stored top-left corner ends up top-right", async () => {
    const largest = phone.variants.find((v) => v.format === "jpeg" && v.width === 1520)!;
    const { data, info } = await sharp(outputPath(largest.url)).raw().toBuffer({ resolveWithObject: true });
    const pixel = (x: number, y: number) => [...data.subarray((y * info.width + x) * 3, (y * info.width + x) * 3 + 3)];
    const [r, g, b] = pixel(info.width - 20, 20);
    expect(r).toBeGreaterThan(200);
    expect(g! + b!).toBeLessThan(80);
    const [r2, g2, b2] = pixel(20, 20);
    expect(r2! > 200 && g2! + b2! < 80).toBe(false);
  });

  it("strips EXIF (with the GPS position), XMP, IPTC and the orientation tag from every output", async () => {
    const outputs = await listFiles(site.outputDir);
    expect(outputs.length).toBe(WIDTHS.length * 3 + 1);
    for (const rel of outputs) {
      const bytes = await readFile(path.join(site.outputDir, rel));
      const meta = await sharp(bytes).metadata();
      expect(meta.exif, rel).toBeUndefined();
      expect(meta.xmp, rel).toBeUndefined();
      expect(meta.iptc, rel).toBeUndefined();
      expect(meta.orientation ?? 1, rel).toBe(1);
      expect(bytes.includes(Buffer.from("PhoneMaker")), rel).toBe(false);
    }
  });

  it("never serves the original: no output is the source file or near its size", async () => {
    const outputs = await listFiles(site.outputDir);
    for (const rel of outputs) {
      const bytes = await readFile(path.join(site.outputDir, rel));
      expect(bytes.equals(phoneSource)).toBe(false);
      const meta = await sharp(bytes).metadata();
      expect(Math.max(meta.width, meta.height)).toBeLessThan(3000);
    }
    expect(outputs.some((rel) => rel.endsWith(".jpg") && !/\.[0-9a-f]{12}\.jpg$/.test(rel))).toBe(false);
  });

  it("names outputs in ASCII under /media/ with a content hash", () => {
    for (const v of phone.variants) expect(v.url).toMatch(/^\/media\/2020\/anh-hoi-nghi-\d+\.[0-9a-f]{12}\.(avif|webp|jpg)$/);
  });

  it("makes a 1200×630 Open Graph JPEG crop", async () => {
    expect(phone.og?.url).toMatch(/^\/media\/2020\/anh-hoi-nghi-og\.[0-9a-f]{12}\.jpg$/);
    const meta = await sharp(outputPath(phone.og!.url)).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["jpeg", OG_WIDTH, OG_HEIGHT]);
  });

  it("AVIF is the smallest format at each width and the column-sized AVIF is light", () => {
    for (const width of phone.widths) {
      const bytes = (f: string) => phone.variants.find((v) => v.width === width && v.format === f)!.bytes;
      expect(bytes("avif")).toBeLessThan(bytes("jpeg"));
    }
    const column = phone.variants.find((v) => v.width === 760 && v.format === "avif")!;
    expect(column.bytes).toBeLessThan(100 * 1024);
  });
});

describe("processImage on other sources", () => {
  it("keeps transparency: a PNG with transparent pixels falls back to PNG, not JPEG", async () => {
    const url = await site.addPhoto("logo-doi-tac.png", { width: 900, height: 600, format: "png", transparent: true });
    const image = await processImage(path.join(site.contentDir, "media/logo-doi-tac.png"), { url, outputDir: site.outputDir, cacheDir: site.cacheDir });
    expect(image.formats).toEqual(["avif", "webp", "png"]);
    const png = image.variants.find((v) => v.format === "png" && v.width === 760)!;
    const stats = await sharp(outputPath(png.url)).stats();
    expect(stats.isOpaque).toBe(false);
  });

  it("an opaque PNG (a screenshot) falls back to JPEG", async () => {
    const url = await site.addPhoto("chup-man-hinh.png", { width: 700, height: 500, format: "png" });
    const image = await processImage(path.join(site.contentDir, "media/chup-man-hinh.png"), { url, outputDir: site.outputDir, cacheDir: site.cacheDir });
    expect(image.fallback).toBe("jpeg");
  });

  it("never enlarges: a 600 px photo is offered at 320, 480 and its own 600 px", async () => {
    const url = await site.addPhoto("nho.jpg", { width: 600, height: 400 });
    const image = await processImage(path.join(site.contentDir, "media/nho.jpg"), { url, outputDir: site.outputDir, cacheDir: site.cacheDir });
    expect(image.widths).toEqual([320, 480, 600]);
    expect([image.width, image.height]).toEqual([600, 400]);
  });

  it("throws the problem with its fix for a source that is not an image", async () => {
    const url = await site.addMedia("ghi-chu.jpg", "đây không phải là ảnh");
    await expect(
      processImage(path.join(site.contentDir, "media/ghi-chu.jpg"), { url, outputDir: site.outputDir, cacheDir: site.cacheDir }),
    ).rejects.toThrow(/ghi-chu\.jpg không phải ảnh hoặc đã hỏng — mở bằng trình xem ảnh rồi lưu lại/);
  });
});
