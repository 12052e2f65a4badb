import { decodeHTMLAttribute } from "entities";
import { render } from "preact-render-to-string";
import { IMAGE_SIZES, MEDIA_PREFIX } from "./config.ts";
import { Picture } from "../../../layouts/picture.tsx";
import type { ImagePipeline } from "./pipeline.ts";

export interface TransformContext {
  images: ImagePipeline;
  /** Output page, for messages about images that were not checked beforehand. */
  page?: string;
  /** `sizes` for images that carry none: content images sit in the article column. */
  sizes?: string;
}

// Tags come from our own renderer and templates, so a tag-level match is enough:
// a whole <picture> (already responsive, left alone) or a single <img>.
const TAG = /<picture\b[\s\S]*?<\/picture>|<img\b(?:[^>"']|"[^"]*"|'[^']*')*>/gi;
const ATTR = /([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;
/** Attributes the picture sets itself. */
const REPLACED = new Set(["src", "srcset", "sizes", "width", "height", "alt", "loading", "decoding", "fetchpriority"]);

/** A `<video poster="/media/…">` (videos.yaml's file videos): the poster attribute and its value. */
const POSTER = /(<video\b[^>]*?\sposter=")(\/media\/[^"]*)"/gi;
/** The poster's width: the video box is at most the article column wide. */
const POSTER_WIDTH = 760;

/**
 * Each `<picture>` as rendered, per pipeline (one per build) and tag: an article's card recurs on the
 * home page, its categories, tags and year, and the pipeline's answer for a source never changes.
 */
const rendered = new WeakMap<ImagePipeline, Map<string, string>>();

/**
 * Rewrites every `<img src="/media/…">` of a page into a responsive
 * `<picture>`. The page's first content image loads eagerly with high
 * priority; every later one is lazy. Other images are left as they are.
 */
export async function transformImagesInHtml(html: string, ctx: TransformContext): Promise<string> {
  // Most pages have no content image at all: skip the tag scan for them.
  if (!html.includes(`"${MEDIA_PREFIX}`)) return html;
  let pictures = rendered.get(ctx.images);
  if (!pictures) rendered.set(ctx.images, (pictures = new Map()));
  const found = [...html.matchAll(TAG)].map((m) => ({ tag: m[0], index: m.index, attrs: parseImg(m[0]) }));
  const images = new Map(
    await Promise.all(
      found
        .filter((f) => f.attrs?.src?.startsWith(MEDIA_PREFIX) && f.attrs.srcset === undefined)
        .map(async (f) => [f.attrs!.src!, await ctx.images.image(f.attrs!.src!)] as const),
    ),
  );
  let out = "";
  let last = 0;
  let seenContentImage = false;
  for (const { tag, index, attrs } of found) {
    const isContent = attrs ? Boolean(attrs.src?.startsWith(MEDIA_PREFIX)) : tag.includes(`"${MEDIA_PREFIX}`);
    const image = attrs?.src ? images.get(attrs.src) : undefined;
    if (image && attrs) {
      if (attrs.alt === undefined) {
        throw new Error(`${ctx.page ?? "page"}: <img src="${attrs.src}"> has no alt attribute — give every image a description`);
      }
      const key = `${!seenContentImage}\n${ctx.sizes ?? ""}\n${tag}`;
      let picture = pictures.get(key);
      if (picture === undefined) {
        const kept = Object.fromEntries(Object.entries(attrs).filter(([name]) => !REPLACED.has(name))) as Record<string, string>;
        picture = render(Picture({ image, alt: attrs.alt, sizes: attrs.sizes ?? ctx.sizes ?? IMAGE_SIZES.article, eager: !seenContentImage, attrs: kept }));
        pictures.set(key, picture);
      }
      out += html.slice(last, index) + picture;
      last = index + tag.length;
    }
    seenContentImage ||= isContent;
  }
  return posters(out + html.slice(last), ctx);
}

/**
 * A video's poster is an image like any other: never the uploaded file, always a pipeline
 * output (resized, metadata stripped, under a hashed name) in the fallback format.
 */
async function posters(html: string, ctx: TransformContext): Promise<string> {
  const found = [...html.matchAll(POSTER)].map((m) => decodeHTMLAttribute(m[2]!));
  if (found.length === 0) return html;
  const urls = new Map<string, string>();
  for (const src of found) {
    const image = await ctx.images.image(src);
    const jpegs = image.variants.filter((v) => v.format === image.fallback);
    urls.set(src, (jpegs.filter((v) => v.width <= POSTER_WIDTH).at(-1) ?? jpegs[0]!).url);
  }
  return html.replace(POSTER, (_, start: string, src: string) => `${start}${urls.get(decodeHTMLAttribute(src))}"`);
}

/** Decoded attributes of an `<img>` tag, or null for a `<picture>` block. */
export function parseImg(tag: string): Record<string, string | undefined> | null {
  if (!/^<img\b/i.test(tag)) return null;
  const attrs: Record<string, string | undefined> = {};
  for (const m of tag.slice(4, tag.endsWith("/>") ? -2 : -1).matchAll(ATTR)) {
    const value = m[2] ?? m[3] ?? m[4];
    attrs[m[1]!.toLowerCase()] = value === undefined ? "" : decodeHTMLAttribute(value);
  }
  return attrs;
}
