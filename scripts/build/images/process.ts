import { copyFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { slugify } from "../model/slug.ts";
import { fillEntry, readEntry, type CacheEntry } from "./cache.ts";
import { DEFAULT_CACHE_DIR } from "./config.ts";
import { ogJob, responsiveJob, type EncodeJob, type EncodedFile, type OutputFormat } from "./encode.ts";
import { inspectSource, type SourceInfo } from "./inspect.ts";

export interface ImageVariant {
  format: OutputFormat;
  width: number;
  height: number;
  /** Site URL with a content hash in the name, so it can be cached as immutable. */
  url: string;
  bytes: number;
  /** The encoded file in the cache, copied to the output by `publishImage`. */
  cached: string;
}

export interface ProcessedImage {
  /** Site URL of the source, e.g. /media/2020/x.jpg (never served itself). */
  src: string;
  /** Of the widest variant; the ratio is what prevents layout shift. */
  width: number;
  height: number;
  /** `<source>` formats first, fallback last. */
  formats: OutputFormat[];
  fallback: OutputFormat;
  widths: number[];
  variants: ImageVariant[];
  /** 1200×630 Open Graph crop, when asked for. */
  og?: ImageVariant;
  /** Files encoded by this call: 0 when everything came from the cache. */
  encoded: number;
}

export interface ProcessOptions {
  /** Site URL of the source (decoded), e.g. /media/2020/x.jpg: decides where outputs go. */
  url: string;
  /** Site output folder: when given, variants are copied to OUTPUT_DIR/media/… at once. */
  outputDir?: string;
  cacheDir?: string;
  og?: boolean;
}

/** A source that cannot be used; `problem` says what is wrong and how to fix it. */
export class ImageSourceError extends Error {
  constructor(readonly problem: string) {
    super(problem);
    this.name = "ImageSourceError";
  }
}

/** The jobs a source needs, and whether each is already in the cache. */
export async function planImage(
  sourcePath: string,
  info: SourceInfo,
  og: boolean,
  cacheDir: string,
): Promise<{ job: EncodeJob; cached: CacheEntry | null }[]> {
  const jobs = [responsiveJob(sourcePath, info), ...(og ? [ogJob(sourcePath, info)] : [])];
  return Promise.all(jobs.map(async (job) => ({ job, cached: await readEntry(cacheDir, job.key) })));
}

/**
 * Encodes one source (or takes it from the cache) into AVIF, WebP and a JPEG/PNG
 * fallback at the layout's widths, oriented and without metadata, and copies
 * the results into the site output when `outputDir` is given.
 */
export async function processImage(sourcePath: string, options: ProcessOptions): Promise<ProcessedImage> {
  const cacheDir = options.cacheDir ?? DEFAULT_CACHE_DIR;
  const inspection = await inspectSource(sourcePath, cacheDir);
  if (!inspection.ok) throw new ImageSourceError(inspection.problem);
  const planned = await planImage(sourcePath, inspection.info, options.og ?? false, cacheDir);
  let encoded = 0;
  const outputs = await Promise.all(
    planned.map(async ({ job, cached }) => {
      const entry = cached ?? (await fillEntry(cacheDir, job));
      if (!cached) encoded += entry.files.length;
      return { job, variants: variantsOf(entry, options.url) };
    }),
  );
  const variants = outputs.find((o) => o.job.kind === "responsive")!.variants;
  const widest = variants[variants.length - 1]!;
  const formats = [...new Set(variants.map((v) => v.format))];
  const image: ProcessedImage = {
    src: options.url,
    width: widest.width,
    height: widest.height,
    formats,
    fallback: formats[formats.length - 1]!,
    widths: [...new Set(variants.map((v) => v.width))],
    variants,
    og: outputs.find((o) => o.job.kind === "og")?.variants[0],
    encoded,
  };
  if (options.outputDir) await publishImage(image, options.outputDir);
  return image;
}

/** Copies an image's encoded files from the cache to OUTPUT_DIR at their URLs. */
export async function publishImage(image: ProcessedImage, outputDir: string): Promise<void> {
  const files = image.og ? [...image.variants, image.og] : image.variants;
  await mkdir(path.join(outputDir, path.posix.dirname(files[0]!.url)), { recursive: true });
  await Promise.all(files.map((v) => copyFile(v.cached, path.join(outputDir, v.url))));
}

/** Output names for an entry's files: hashed, ASCII, under the source's folder. */
function variantsOf(entry: CacheEntry, url: string): ImageVariant[] {
  const base = outputBase(url);
  const hash = entry.key.slice(0, 12);
  return entry.files.map((file: EncodedFile) => {
    const label = file.name.slice(0, file.name.indexOf("."));
    return {
      format: file.format,
      width: file.width,
      height: file.height,
      url: `/${base}-${label}.${hash}${path.extname(file.name)}`,
      bytes: file.bytes,
      cached: path.join(entry.dir, file.name),
    };
  });
}

/** `/media/2020/Ảnh Hội nghị.JPG` → `media/2020/anh-hoi-nghi`. */
function outputBase(url: string): string {
  const segments = url.split("/").filter(Boolean);
  const last = segments.pop()!;
  const stem = last.includes(".") ? last.slice(0, last.lastIndexOf(".")) : last;
  return [...segments.map((s) => slugify(s) || "media"), slugify(stem) || "image"].join("/");
}
