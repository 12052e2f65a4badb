import { ContentError, type ContentIssue } from "../content/issues.ts";
import { checkImages, type ImageRef } from "./check.ts";
import { DEFAULT_CACHE_DIR } from "./config.ts";
import { inspectSource } from "./inspect.ts";
import { mapLimit } from "../map-limit.ts";
import { ImageSourceError, planImage, processImage, publishImage, type ProcessedImage } from "./process.ts";
import { startProgress, type ProgressOptions } from "./progress.ts";
import { resolveMediaSrc, type ResolvedSource } from "./source.ts";

export interface ImagePipelineOptions {
  contentDir: string;
  outputDir: string;
  cacheDir?: string;
  progress?: ProgressOptions;
}

/**
 * One build's images: each source is encoded (or taken from the cache) once,
 * however many pages use it. Nothing reaches the output until `publish`, so
 * the build can check and encode before it cleans and writes the site.
 */
export class ImagePipeline {
  readonly cacheDir: string;
  /** Files encoded and sources handled during this build; a warm rebuild encodes none. */
  readonly stats = { encodedFiles: 0, encodedImages: 0, cachedImages: 0 };
  private readonly pending = new Map<string, Promise<ProcessedImage>>();
  private readonly ready = new Map<string, ProcessedImage>();
  private readonly refs = new Map<string, ImageRef[]>();
  /** Resolved sources by address: every page asks again, and resolving reads the file system. */
  private readonly sources = new Map<string, ResolvedSource | null>();

  constructor(private readonly options: ImagePipelineOptions) {
    this.cacheDir = options.cacheDir ?? DEFAULT_CACHE_DIR;
  }

  /**
   * Checks and encodes every image the content refers to, with progress, so
   * templates can then render pictures synchronously. Throws a ContentError
   * listing every bad image with its file and line.
   */
  async prepare(refs: ImageRef[]): Promise<void> {
    const issues = await checkImages(refs, this.options.contentDir, { cacheDir: this.cacheDir });
    if (issues.length) throw new ContentError(issues);
    const wanted = new Map<string, { path: string; og: boolean }>();
    for (const ref of refs) {
      const source = this.resolve(ref.src);
      if (!source?.ok) continue;
      this.refs.set(source.url, [...(this.refs.get(source.url) ?? []), ref]);
      wanted.set(source.url, { path: source.path, og: Boolean(ref.cover) || Boolean(wanted.get(source.url)?.og) });
    }
    const items = await mapLimit([...wanted], async ([url, { path, og }]) => {
      const inspection = await inspectSource(path, this.cacheDir);
      const planned = inspection.ok ? await planImage(path, inspection.info, og, this.cacheDir) : [];
      return { url, og, fresh: planned.some((p) => !p.cached) };
    });
    const fresh = items.filter((i) => i.fresh).length;
    const progress = startProgress(fresh, items.length - fresh, this.options.progress);
    await mapLimit(items, async ({ url, og, fresh }) => {
      await this.image(url, og);
      if (fresh) progress.tick();
    });
    progress.finish();
  }

  /** Processes a source once per build (with the Open Graph crop when `og`). */
  image(src: string, og = false): Promise<ProcessedImage> {
    const source = this.resolve(src);
    if (!source) throw new Error(`${src} is not a content image (they start with /media/)`);
    const known = this.pending.get(source.url);
    if (known && !og) return known;
    const result = known ? known.then((r) => (r.og ? r : this.run(source, true))) : this.run(source, og);
    this.pending.set(source.url, result);
    return result;
  }

  private resolve(src: string): ResolvedSource | null {
    let source = this.sources.get(src);
    if (source === undefined) this.sources.set(src, (source = resolveMediaSrc(src, this.options.contentDir)));
    return source;
  }

  private async run(source: ResolvedSource, og: boolean): Promise<ProcessedImage> {
    if (!source.ok) throw this.error(source.url, source.problem);
    const done = await processImage(source.path, { url: source.url, cacheDir: this.cacheDir, og }).catch((error: Error) => {
      throw this.error(source.url, error instanceof ImageSourceError ? error.problem : `${source.url} could not be encoded (${error.message}) — export it again as JPEG`);
    });
    this.stats.encodedFiles += done.encoded;
    if (done.encoded) this.stats.encodedImages++;
    else this.stats.cachedImages++;
    this.ready.set(source.url, done);
    return done;
  }

  /** Copies every image this build used from the cache to OUTPUT_DIR/media (after rendering). */
  async publish(): Promise<void> {
    const images = [...this.ready.values()];
    await mapLimit(images, (image) => publishImage(image, this.options.outputDir), 8);
  }

  /** A processed image, for synchronous rendering after `prepare`. */
  processed(src: string): ProcessedImage {
    const url = this.resolve(src)?.url ?? src;
    const image = this.ready.get(url);
    if (!image) throw new Error(`image ${src} was not prepared — pass it to images.prepare() before rendering`);
    return image;
  }

  /** Site URL of a cover's 1200×630 Open Graph crop (prepare it with `cover: true`). */
  ogImage(src: string): string {
    const og = this.processed(src).og;
    if (!og) throw new Error(`image ${src} has no Open Graph crop — pass it to images.prepare() with cover: true`);
    return og.url;
  }

  /** An error naming every place that refers to the source, or the source alone. */
  private error(url: string, problem: string): Error {
    const refs = this.refs.get(url);
    if (!refs) return new Error(`${url}: ${problem}`);
    const issues: ContentIssue[] = refs.map((r) => ({ file: r.file, line: r.line, field: r.field, message: problem, severity: "error" }));
    return new ContentError(issues);
  }
}
