import type { DateTime } from "luxon";
import { nowInVietnam } from "../model/dates.ts";
import type { Category, SiteModel } from "../model/types.ts";
import { renderAtomFeed } from "./feeds.ts";
import { buildRedirects } from "./redirects.ts";
import { renderNewsSitemap, renderRobots, renderSitemap } from "./sitemaps.ts";
import { categoryFeedUrl, FIXED_FILES, FIXED_PAGES } from "../urls.ts";

/**
 * The publishing files of a built model, one function per route, so that the
 * routes stay one-liners and tests can call these with a fixed `now`.
 */
/** One title pattern for every feed, used by the feed itself and by the pages' <link rel="alternate">. */
export function feedTitle(site: { short_name: string }, category?: { name: string }): string {
  return `${category?.name ?? "Tin mới"} – ${site.short_name}`;
}

export function siteFeed(model: SiteModel, now: DateTime = nowInVietnam()): Promise<string> {
  const { site } = model;
  return renderAtomFeed({
    siteUrl: site.url,
    siteName: site.name,
    title: feedTitle(site),
    subtitle: site.description,
    selfPath: FIXED_FILES.feed,
    alternatePath: FIXED_PAGES.home,
    articles: model.articles,
    now,
  });
}

export function categoryFeedPath(category: Category): string {
  return categoryFeedUrl(category.url);
}

export function categoryFeed(model: SiteModel, category: Category, now: DateTime = nowInVietnam()): Promise<string> {
  const { site } = model;
  return renderAtomFeed({
    siteUrl: site.url,
    siteName: site.name,
    title: feedTitle(site, category),
    subtitle: category.description,
    selfPath: categoryFeedPath(category),
    alternatePath: category.url,
    articles: category.articles,
    now,
  });
}

export function sitemap(model: SiteModel): string {
  const pages = [
    ...Object.values(FIXED_PAGES)
      .filter((url) => url !== FIXED_PAGES.search)
      .map((url) => ({ url })),
    ...model.pages.filter((p) => !p.draft).map((p) => ({ url: p.url })),
    ...model.listings.filter((l) => l.pageNumber === 1).map((l) => ({ url: l.url })),
  ];
  return renderSitemap(model.site.url, pages, model.articles);
}

export function newsSitemap(model: SiteModel, now: DateTime = nowInVietnam()): string {
  return renderNewsSitemap(model.site.url, model.site.name, model.articles, now);
}

export function robots(model: SiteModel): string {
  return renderRobots(model.site.url);
}

export function redirects(model: SiteModel): string {
  return buildRedirects(model.articles.map((a) => ({ url: a.url, legacyUrls: a.legacyUrls, file: a.file, line: a.lineOf(["legacy_url"]) })));
}
