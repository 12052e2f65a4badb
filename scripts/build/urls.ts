import type { DateTime } from "luxon";

/**
 * The site's addresses in one place: the fixed routes, the permalink of each kind of
 * document and the first path segments the site keeps for itself. The model, the
 * sitemap and the link checker take their addresses from here.
 */

/** Pages every build writes, whatever the content. */
export const FIXED_PAGES = { home: "/", search: "/tim-kiem/", archive: "/luu-tru/", videos: "/video/" } as const;

/** Generated files every build writes, besides the pages. */
export const FIXED_FILES = {
  feed: "/feed.xml",
  sitemap: "/sitemap.xml",
  newsSitemap: "/sitemap-news.xml",
  robots: "/robots.txt",
  notFound: "/404.html",
  redirects: "/_redirects",
} as const;

/** Served on every deploy, though not written by the templates. */
export const ADMIN = "/admin/";

/** Every fixed address, for link checks and claims. */
export const FIXED_ROUTES: readonly string[] = [...Object.values(FIXED_PAGES), ...Object.values(FIXED_FILES), ADMIN];

/** First path segments owned by the site (routes, assets, functions): no page may take them. */
export const RESERVED_SLUGS = ["tin-tuc", "chuyen-muc", "the", "luu-tru", "tim-kiem", "media", "assets", "pagefind", "admin", "api", "video", ".netlify"];

export const articleUrl = (date: DateTime, slug: string): string => `/tin-tuc/${date.toFormat("yyyy")}/${date.toFormat("MM")}/${slug}/`;
export const pageUrl = (slug: string): string => `/${slug}/`;
export const categoryUrl = (key: string): string => `/chuyen-muc/${key}/`;
export const categoryFeedUrl = (categoryUrl: string): string => `${categoryUrl}feed.xml`;
export const tagUrl = (slug: string): string => `/the/${slug}/`;
export const yearUrl = (year: number): string => `/luu-tru/${year}/`;

/**
 * A path on this site: one leading "/" and not "//" or "/\", which browsers read as
 * another host (`//evil.example/`), and no whitespace or quotes.
 */
export function isSitePath(value: string): boolean {
  return /^\/(?![/\\])[^\s"'<>\\]*$/.test(value);
}
