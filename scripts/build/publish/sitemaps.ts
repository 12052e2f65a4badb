import type { DateTime } from "luxon";
import { absoluteUrl } from "@11ty/eleventy-plugin-rss";
import { toIso } from "../model/dates.ts";
import type { Article } from "../model/types.ts";
import { publicArticles } from "./feeds.ts";
import { xml } from "./xml.ts";
import { ADMIN, FIXED_FILES } from "../urls.ts";

/** The sitemap protocol's limit for one file. */
const MAX_URLS = 50_000;
/** Google News reads at most this many, from the last two days. */
const MAX_NEWS = 1_000;
const NEWS_WINDOW_HOURS = 48;

export interface SitemapPage {
  /** Site path, e.g. /gioi-thieu/ */
  url: string;
  lastmod?: DateTime;
}

/** sitemap.xml: the given pages (home, listings, static pages) and every public article. */
export function renderSitemap(siteUrl: string, pages: SitemapPage[], articles: Article[]): string {
  const all: SitemapPage[] = [...pages, ...publicArticles(articles).map((a) => ({ url: a.url, lastmod: a.date }))];
  if (all.length > MAX_URLS) {
    throw new Error(`sitemap.xml would list ${all.length} addresses, over the limit of ${MAX_URLS}: split it with a sitemap index`);
  }
  const urls = all.map(({ url, lastmod }) =>
    [`  <url><loc>${xml(absoluteUrl(url, siteUrl))}</loc>`, lastmod ? `<lastmod>${toIso(lastmod)}</lastmod>` : "", "</url>"].join(""),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...urls,
    "</urlset>\n",
  ].join("\n");
}

/** sitemap-news.xml: public articles published in the 48 hours before `now` (the build time). */
export function renderNewsSitemap(siteUrl: string, publicationName: string, articles: Article[], now: DateTime): string {
  const since = now.minus({ hours: NEWS_WINDOW_HOURS });
  const recent = publicArticles(articles)
    .filter((a) => a.date >= since && a.date <= now)
    .slice(0, MAX_NEWS);
  const urls = recent.map((a) =>
    [
      "  <url>",
      `    <loc>${xml(absoluteUrl(a.url, siteUrl))}</loc>`,
      "    <news:news>",
      "      <news:publication>",
      `        <news:name>${xml(publicationName)}</news:name>`,
      "        <news:language>vi</news:language>",
      "      </news:publication>",
      `      <news:publication_date>${toIso(a.date)}</news:publication_date>`,
      `      <news:title>${xml(a.title)}</news:title>`,
      "    </news:news>",
      "  </url>",
    ].join("\n"),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">',
    ...urls,
    "</urlset>\n",
  ].join("\n");
}

/** robots.txt: everything may be crawled except the editor UI; names both sitemaps. */
export function renderRobots(siteUrl: string): string {
  return [
    "User-agent: *",
    `Disallow: ${ADMIN}`,
    "",
    `Sitemap: ${absoluteUrl(FIXED_FILES.sitemap, siteUrl)}`,
    `Sitemap: ${absoluteUrl(FIXED_FILES.newsSitemap, siteUrl)}`,
    "",
  ].join("\n");
}
