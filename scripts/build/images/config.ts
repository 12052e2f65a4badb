/**
 * Image pipeline settings shared with layouts and CSS. `sizes` of each image slot, as site.css lays it
 * out; the images transform picks the encoded widths from them.
 */
export const IMAGE_SIZES = {
  /** The article column: at most 760px wide, the viewport below that. */
  article: "(max-width: 760px) 100vw, 760px",
  /** .card-image of listings. */
  card: "(min-width: 640px) 200px, 112px",
  /** .lead-image of the home page: the full main column. */
  lead: "(min-width: 1200px) 820px, (min-width: 960px) calc(100vw - 380px), calc(100vw - 2rem)",
} as const;

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
