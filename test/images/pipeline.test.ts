import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import { render } from "preact-render-to-string";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ContentError, formatIssue } from "../../scripts/build/content/issues.ts";
import type { ImageRef } from "../../scripts/build/images/check.ts";
import { IMAGE_SIZES, OG_HEIGHT, OG_WIDTH } from "../../scripts/build/images/config.ts";
import { transformImagesInHtml } from "../../scripts/build/images/html.ts";
import { Picture } from "../../layouts/picture.tsx";
import { ImagePipeline } from "../../scripts/build/images/pipeline.ts";
import { captureStream, listFiles, tempSite, type TempSite } from "./helpers.ts";

let site: TempSite;
const md = "content/tin-tuc/2020/hoi-nghi.md";
let refs: ImageRef[];

const page = `<article><h1>Hội nghị</h1>
<figure><img src="/media/2020/hoi-truong.jpg" alt="Quang cảnh &amp; &quot;hội trường&quot;"><figcaption>Quang cảnh hội nghị</figcaption></figure>
<p>Đại biểu <img src="/media/2020/dai-bieu.jpg" alt="Đại biểu phát biểu" title="Ảnh: BH"> phát biểu.</p>
<p><img src="/assets/logo.png" alt="Biểu trưng"></p>
<figure><img src="/media/2020/hoi-truong.jpg" alt="Toàn cảnh"></figure>
</article>`;

function pipeline(outputDir = site.outputDir, stream = captureStream(false), ci = true) {
  return { images: new ImagePipeline({ contentDir: site.contentDir, outputDir, cacheDir: site.cacheDir, progress: { stream, ci } }), stream };
}

/** Every /media/ URL a page refers to. */
const mediaUrls = (html: string) => [...html.matchAll(/\/media\/[^\s",]+/g)].map((m) => m[0]);

beforeAll(async () => {
  site = await tempSite();
  process.chdir(site.root);
  await site.addPhoto("2020/hoi-truong.jpg", { width: 1800, height: 1200, seed: 1 });
  await site.addPhoto("2020/dai-bieu.jpg", { width: 1200, height: 1600, seed: 2 });
  refs = [
    { file: md, line: 3, field: "image", src: "/media/2020/hoi-truong.jpg", cover: true },
    { file: md, line: 12, field: "body", src: "/media/2020/hoi-truong.jpg", alt: "Quang cảnh" },
    { file: md, line: 14, field: "body", src: "/media/2020/dai-bieu.jpg", alt: "Đại biểu phát biểu" },
  ];
});
afterAll(() => site.remove());

describe("a build's images", () => {
  let html: string;
  let first: ReturnType<typeof pipeline>;
  let writtenBeforePublish: string[];

  beforeAll(async () => {
    first = pipeline(site.outputDir, captureStream(true), false);
    await first.images.prepare(refs);
    html = await transformImagesInHtml(page, { images: first.images, page: "/tin-tuc/2020/02/hoi-nghi/index.html" });
    writtenBeforePublish = await listFiles(site.outputDir);
    await first.images.publish();
  });

  it("rewrites every /media/ image into a picture with AVIF, WebP and a JPEG img with width and height", () => {
    const pictures = html.match(/<picture>[\s\S]*?<\/picture>/g)!;
    expect(pictures).toHaveLength(3);
    for (const picture of pictures) {
      expect(picture).toMatch(/^<picture><source type="image\/avif" srcset="[^"]+ 320w, [^"]+" sizes="[^"]+"\/?><source type="image\/webp" srcset="[^"]+" sizes="[^"]+"\/?><img /);
      expect(picture).toMatch(/<img [^>]*src="\/media\/2020\/[a-z-]+-760\.[0-9a-f]{12}\.jpg"/);
      expect(picture).toMatch(/ width="\d+" height="\d+"/);
      expect(picture).toContain(`sizes="${IMAGE_SIZES.article}"`);
    }
    expect(html).not.toMatch(/\/media\/2020\/(hoi-truong|dai-bieu)\.jpg/);
  });

  it("loads the first content image eagerly with high priority, the others lazily", () => {
    const imgs = html.match(/<img [^>]*>/g)!.filter((t) => t.includes("/media/"));
    expect(imgs[0]).toContain('fetchpriority="high"');
    expect(imgs[0]).not.toContain("loading=");
    expect(imgs[0]).not.toContain("decoding=");
    for (const img of imgs.slice(1)) {
      expect(img).toContain('loading="lazy"');
      expect(img).toContain('decoding="async"');
      expect(img).not.toContain("fetchpriority");
    }
  });

  it("keeps captions, alt text (escaped), titles and images outside /media/", () => {
    expect(html).toContain('alt="Quang cảnh &amp; &quot;hội trường&quot;"');
    expect(html).toMatch(/<figure><picture>[\s\S]*?<\/picture><figcaption>Quang cảnh hội nghị<\/figcaption><\/figure>/);
    expect(html).toMatch(/<img title="Ảnh: BH" [^>]*alt="Đại biểu phát biểu"/);
    expect(html).toContain('<img src="/assets/logo.png" alt="Biểu trưng">');
  });

  it("writes nothing to the output before publish, then every referenced file and nothing else (no originals)", async () => {
    expect(writtenBeforePublish).toEqual([]);
    const written = (await listFiles(site.outputDir)).map((f) => `/${f}`);
    for (const url of mediaUrls(html)) expect(written).toContain(url);
    expect(written.every((f) => /^\/media\/2020\/[a-z-]+-(\d+|og)\.[0-9a-f]{12}\.(avif|webp|jpg)$/.test(f))).toBe(true);
    for (const original of ["hoi-truong.jpg", "dai-bieu.jpg"]) {
      const bytes = await readFile(path.join(site.contentDir, "media/2020", original));
      for (const f of written) expect((await readFile(path.join(site.outputDir, f))).equals(bytes)).toBe(false);
    }
  });

  it("encodes each source once per build, however many pages use it", async () => {
    expect(first.images.stats).toEqual({ encodedFiles: 2 * 15 + 1, encodedImages: 2, cachedImages: 0 });
    for (let i = 0; i < 3; i++) await transformImagesInHtml(page, { images: first.images });
    expect(first.images.stats.encodedFiles).toBe(31);
    expect(first.images.stats.encodedImages + first.images.stats.cachedImages).toBe(2);
  });

  it("shows done / total on a terminal while encoding", () => {
    expect(first.stream.text).toContain("Images: encoding 2 new, 0 from cache\n");
    expect(first.stream.text).toContain("\rImages: 1/2");
    expect(first.stream.text).toContain("\rImages: 2/2");
    expect(first.stream.text).toMatch(/Images: 2 encoded in \d+\.\d s, 0 from cache\n$/);
  });

  it("renders cover pictures for cards and gives the Open Graph crop", async () => {
    const cover = render(Picture({ image: first.images.processed("/media/2020/hoi-truong.jpg"), alt: 'Ảnh <b>"bìa"</b>', sizes: IMAGE_SIZES.card, eager: false }));
    expect(cover).toContain(`sizes="${IMAGE_SIZES.card}"`);
    expect(cover).toContain('alt="Ảnh &lt;b>&quot;bìa&quot;&lt;/b>"');
    expect(cover).toContain('loading="lazy"');
    const eager = render(Picture({ image: first.images.processed("/media/2020/hoi-truong.jpg"), alt: "Ảnh bìa", sizes: IMAGE_SIZES.card, eager: true }));
    expect(eager).toContain('fetchpriority="high"');
    const og = first.images.ogImage("/media/2020/hoi-truong.jpg");
    const meta = await sharp(path.join(site.outputDir, og)).metadata();
    expect([meta.width, meta.height]).toEqual([OG_WIDTH, OG_HEIGHT]);
    expect(() => first.images.ogImage("/media/2020/dai-bieu.jpg")).toThrow(/no Open Graph crop — pass it to images.prepare\(\) with cover: true/);
    expect(() => first.images.processed("/media/2020/khac.jpg")).toThrow(/was not prepared/);
  });

  it("after a cover picture, the page's body images are all lazy", async () => {
    const cover = render(Picture({ image: first.images.processed("/media/2020/hoi-truong.jpg"), alt: "Ảnh bìa", sizes: IMAGE_SIZES.article, eager: true }));
    const out = await transformImagesInHtml(`<header>${cover}</header>${page}`, { images: first.images });
    const imgs = out.match(/<img [^>]*>/g)!.filter((t) => t.includes("/media/"));
    expect(imgs.filter((t) => t.includes('fetchpriority="high"'))).toHaveLength(1);
    expect(imgs.slice(1).every((t) => t.includes('loading="lazy"'))).toBe(true);
  });

  it("a rebuild with unchanged images encodes nothing, prints nothing in CI, and writes the same site", async () => {
    const outputDir = path.join(site.root, "_site2");
    const again = pipeline(outputDir, captureStream(false), true);
    await again.images.prepare(refs);
    const html2 = await transformImagesInHtml(page, { images: again.images });
    await again.images.publish();
    expect(again.images.stats).toEqual({ encodedFiles: 0, encodedImages: 0, cachedImages: 2 });
    expect(again.stream.text).toBe("");
    expect(html2).toBe(html);
    expect(await listFiles(outputDir)).toEqual(await listFiles(site.outputDir));
  });

  it("outside CI, a rebuild with nothing new says so in one line", async () => {
    const local = pipeline(path.join(site.root, "_site3"), captureStream(false), false);
    await local.images.prepare(refs);
    expect(local.stream.text).toBe("Images: 2 up to date\n");
  });

  it("a changed photo is encoded again, alone", async () => {
    await site.addPhoto("2020/dai-bieu.jpg", { width: 1200, height: 1600, seed: 9 });
    const changed = pipeline(path.join(site.root, "_site4"));
    await changed.images.prepare(refs);
    expect(changed.images.stats).toEqual({ encodedFiles: 15, encodedImages: 1, cachedImages: 1 });
  });
});

describe("progress and errors", () => {
  it("logs done / total in lines when many new images are encoded outside a terminal", async () => {
    const many: ImageRef[] = [];
    for (let i = 1; i <= 12; i++) {
      many.push({ file: md, line: i, field: "body", src: await site.addPhoto(`nhieu/anh-${i}.jpg`, { width: 200, height: 150, seed: i }) });
    }
    const { images, stream } = pipeline(path.join(site.root, "_site5"), captureStream(false), true);
    await images.prepare(many);
    const lines = stream.text.trim().split("\n");
    expect(lines[0]).toBe("Images: encoding 12 new, 0 from cache");
    expect(lines.slice(1, -1)).toEqual(["Images: 2/12", "Images: 4/12", "Images: 6/12", "Images: 8/12", "Images: 10/12", "Images: 12/12"]);
    expect(lines.at(-1)).toMatch(/^Images: 12 encoded in \d+\.\d s, 0 from cache$/);
  });

  it("prepare stops on bad images with every file and line, before writing anything", async () => {
    const outputDir = path.join(site.root, "_site6");
    const { images } = pipeline(outputDir);
    const bad: ImageRef[] = [
      ...refs,
      { file: md, line: 20, field: "body", src: "/media/2020/mat.jpg", alt: "Mất" },
      { file: md, line: 21, field: "body", src: "/media/2020/hoi-truong.jpg", alt: "" },
    ];
    const error = await images.prepare(bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContentError);
    expect((error as ContentError).issues.map(formatIssue)).toEqual([
      `${md}:20: body: không có tệp ảnh content/media/2020/mat.jpg — kiểm tra tên tệp và thư mục (chữ hoa, chữ thường khác nhau), hoặc tải ảnh lên`,
      `${md}:21: body: ảnh /media/2020/hoi-truong.jpg chưa có mô tả — viết trong [ ] điều ảnh cho thấy, cho người không xem được ảnh, ví dụ ![Quang cảnh hội nghị](…)`,
    ]);
    expect(await listFiles(outputDir)).toEqual([]);
  });

  it("the transform names the page for an image that was never checked", async () => {
    const { images } = pipeline(path.join(site.root, "_site7"));
    await site.addMedia("2020/hong.jpg", "not an image");
    await expect(transformImagesInHtml('<img src="/media/2020/hong.jpg" alt="x">', { images, page: "/a/index.html" })).rejects.toThrow(
      "/media/2020/hong.jpg: content/media/2020/hong.jpg không phải ảnh hoặc đã hỏng",
    );
    await expect(transformImagesInHtml('<img src="/media/2020/hoi-truong.jpg">', { images, page: "/a/index.html" })).rejects.toThrow(
      '/a/index.html: <img src="/media/2020/hoi-truong.jpg"> has no alt attribute',
    );
    await rm(path.join(site.contentDir, "media/2020/hong.jpg"));
  });
});
