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
  /** Site output folder; variants are copied to OUTPUT_DIR/media/…  */
  outputDir: string;
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
 * the results into the site output.
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
      return { job, variants: await publish(entry, options) };
    }),
  );
  const variants = outputs.find((o) => o.job.kind === "responsive")!.variants;
  const widest = variants[variants.length - 1]!;
  const formats = [...new Set(variants.map((v) => v.format))];
  return {
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
}

/** Copies an entry's files to OUTPUT_DIR under hashed, ASCII names. */
async function publish(entry: CacheEntry, options: ProcessOptions): Promise<ImageVariant[]> {
  const base = outputBase(options.url);
  const dir = path.join(options.outputDir, path.dirname(base));
  await mkdir(dir, { recursive: true });
  const hash = entry.key.slice(0, 12);
  return Promise.all(
    entry.files.map(async (file: EncodedFile) => {
      const label = file.name.slice(0, file.name.indexOf("."));
      const name = `${path.basename(base)}-${label}.${hash}${path.extname(file.name)}`;
      await copyFile(path.join(entry.dir, file.name), path.join(dir, name));
      return {
        format: file.format,
        width: file.width,
        height: file.height,
        url: `/${path.posix.dirname(base)}/${name}`,
        bytes: file.bytes,
      };
    }),
  );
}

/** `/media/2020/Ảnh Hội nghị.JPG` → `media/2020/anh-hoi-nghi`. */
function outputBase(url: string): string {
  const segments = url.split("/").filter(Boolean);
  const last = segments.pop()!;
  const stem = last.includes(".") ? last.slice(0, last.lastIndexOf(".")) : last;
  return [...segments.map((s) => slugify(s) || "media"), slugify(stem) || "image"].join("/");
}
