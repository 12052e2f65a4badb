import { readdir, readFile, stat, truncate, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ImagePipeline } from "../../scripts/build/images/pipeline.ts";
import { listFiles, tempSite, type TempSite } from "../images/helpers.ts";

let site: TempSite;
let url: string;

/** One build's image stage, as scripts/build/build-context.ts and after-build.ts run it. */
async function buildImages() {
  const images = new ImagePipeline({ contentDir: site.contentDir, outputDir: site.outputDir, cacheDir: site.cacheDir, progress: { stream: null } as never });
  await images.prepare([{ file: "content/tin-tuc/2020/bai.md", line: 5, field: "image", src: url, alt: "Ảnh", cover: true }]);
  await images.publish();
  return images;
}

/** Every published image must decode whole and be the size the cache recorded. */
async function expectWholeOutput(): Promise<void> {
  const files = await listFiles(path.join(site.outputDir, "media"));
  expect(files.length).toBeGreaterThan(3);
  for (const file of files) {
    const full = path.join(site.outputDir, "media", file);
    await expect(sharp(await readFile(full), { failOn: "truncated" }).raw().toBuffer(), file).resolves.toBeInstanceOf(Buffer);
  }
}

async function entries(): Promise<string[]> {
  const dir = path.join(site.cacheDir, "entries");
  return (await readdir(dir)).filter((e) => /^[0-9a-f]{64}$/.test(e)).map((e) => path.join(dir, e));
}

/** A WebP variant in the cache (the responsive entry; the Open Graph one has a JPEG only). */
async function someVariant(): Promise<string> {
  for (const entry of await entries()) {
    const file = (await readdir(entry)).find((f) => f.endsWith(".webp"));
    if (file) return path.join(entry, file);
  }
  throw new Error("no WebP in the cache");
}

beforeEach(async () => {
  site = await tempSite();
  url = await site.addPhoto("2020/anh.jpg", { width: 900, height: 600, seed: 3 } as never);
  const first = await buildImages();
  expect(first.stats.encodedImages).toBe(1);
});
afterEach(() => site.remove());

describe("the image cache is checked before anything is published from it", () => {
  it("a warm build encodes nothing (control)", async () => {
    const again = await buildImages();
    expect(again.stats.encodedFiles).toBe(0);
    await expectWholeOutput();
  });

  it("a truncated cached file is encoded again, not published", async () => {
    const file = await someVariant();
    const { size } = await stat(file);
    await truncate(file, Math.floor(size / 2));
    const again = await buildImages();
    expect(again.stats.encodedFiles).toBeGreaterThan(0);
    expect((await stat(file)).size).toBe(size);
    await expectWholeOutput();
  });

  it("a cached file damaged in place (same size) is encoded again", async () => {
    const file = await someVariant();
    const bytes = await readFile(file);
    bytes.fill(0, 100, 400);
    await writeFile(file, bytes);
    const again = await buildImages();
    expect(again.stats.encodedFiles).toBeGreaterThan(0);
    await expectWholeOutput();
  });

  it("a truncated manifest, a missing file or a manifest pointing outside its entry does not break the build", async () => {
    const [a, b] = await entries();
    const manifest = path.join(a!, "manifest.json");
    const text = await readFile(manifest, "utf8");
    await writeFile(manifest, text.slice(0, text.length / 2));
    const listed = JSON.parse(await readFile(path.join(b!, "manifest.json"), "utf8")) as { name: string }[];
    await writeFile(path.join(b!, listed[0]!.name), "");
    await truncate(path.join(b!, listed[0]!.name), 0);
    const again = await buildImages();
    expect(again.stats.encodedFiles).toBeGreaterThan(0);
    await expectWholeOutput();
    expect(() => JSON.parse(text)).not.toThrow();

    // A doctored manifest naming a file outside the entry is a bad entry, never a copy source.
    const doctored = JSON.parse(await readFile(manifest, "utf8")) as { name: string }[];
    doctored[0]!.name = "../../../../../../etc/passwd";
    await writeFile(manifest, JSON.stringify(doctored));
    await buildImages();
    for (const file of await listFiles(site.outputDir)) expect(await readFile(path.join(site.outputDir, file), "utf8").catch(() => "")).not.toMatch(/^root:/);
    await expectWholeOutput();
  });

  it("a damaged record of a checked source is checked again and rewritten", async () => {
    const dir = path.join(site.cacheDir, "sources");
    const [record] = await readdir(dir);
    await writeFile(path.join(dir, record!), '{"hash": "trunc');
    // A later build is a new process; here the source's new time makes this one look again too.
    const source = path.join(site.contentDir, "media/2020/anh.jpg");
    await utimes(source, new Date(), new Date(Date.now() + 5000));
    const again = await buildImages();
    expect(again.stats.encodedFiles).toBe(0);
    expect(JSON.parse(await readFile(path.join(dir, record!), "utf8")).width).toBe(900);
  });
});
