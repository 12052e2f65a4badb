/**
 * Image pipeline settings shared with layouts and CSS. The lead's CSS follows
 * these `sizes`: the article column is at most 760px wide and spans the
 * viewport below that; listing cards are 320px wide, full width on tiny screens.
 */
export const ARTICLE_SIZES = "(max-width: 760px) 100vw, 760px";
export const CARD_SIZES = "(max-width: 359px) 100vw, 320px";

/** One width set per source, so a photo used as a card and in an article is encoded once. */
export const WIDTHS = [320, 480, 760, 1140, 1520] as const;
/** The `<img src>` for browsers without srcset: the widest variant up to the article column. */
export const FALLBACK_WIDTH = 760;

export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;

export const MAX_FILE_BYTES = 25 * 1024 * 1024;
export const MAX_SIDE = 12_000;

/** Formats in `<source>` order; the fallback (JPEG, or PNG for transparency) goes on `<img>`. */
export const QUALITY = {
  avif: { quality: 50, effort: 2 },
  webp: { quality: 72, effort: 4 },
  jpeg: { quality: 75, mozjpeg: true },
  png: { compressionLevel: 9, palette: false },
} as const;

/** Bump when encoding changes in a way the options above do not capture. */
export const PIPELINE_VERSION = 1;

export const DEFAULT_CACHE_DIR = ".cache/images";

/** Content images live under CONTENT_DIR/media and are served from this URL prefix. */
export const MEDIA_PREFIX = "/media/";
