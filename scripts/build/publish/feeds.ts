import { absoluteUrl, convertHtmlToAbsoluteUrls } from "@11ty/eleventy-plugin-rss";
import type { DateTime } from "luxon";
import { toIso } from "../model/dates.ts";
import type { Article } from "../model/types.ts";
import { xml } from "./xml.ts";

export interface FeedOptions {
  /** Site address without trailing slash, e.g. https://example.org */
  siteUrl: string;
  siteName: string;
  title: string;
  subtitle?: string;
  /** Path of the feed itself, e.g. /feed.xml */
  selfPath: string;
  /** Path of the HTML page the feed follows, e.g. / or /chuyen-muc/lien-hiep-hoi/ */
  alternatePath: string;
  /** Newest first; drafts and future articles are left out here. */
  articles: Article[];
  /** `updated` of a feed with no entries. */
  now: DateTime;
  limit?: number;
}

/** Only what readers may see: never drafts, never articles dated in the future. */
export function publicArticles(articles: Article[]): Article[] {
  return articles.filter((a) => !a.draft && !a.future);
}

async function entry(article: Article, siteUrl: string, siteName: string): Promise<string> {
  const url = absoluteUrl(article.url, siteUrl);
  // Relative links and images in the body must work in a feed reader.
  const content = await convertHtmlToAbsoluteUrls(article.html, url);
  const date = toIso(article.date);
  return [
    "  <entry>",
    `    <title>${xml(article.title)}</title>`,
    `    <link rel="alternate" type="text/html" href="${xml(url)}"/>`,
    `    <id>${xml(url)}</id>`,
    `    <published>${date}</published>`,
    `    <updated>${date}</updated>`,
    `    <author><name>${xml(article.author || siteName)}</name></author>`,
    `    <category term="${xml(article.category.key)}" label="${xml(article.category.name)}"/>`,
    article.summary ? `    <summary type="text">${xml(article.summary)}</summary>` : "",
    `    <content type="html">${xml(content)}</content>`,
    "  </entry>",
  ]
    .filter(Boolean)
    .join("\n");
}

/** An Atom 1.0 feed with full content, Vietnamese, dates in +07:00. */
export async function renderAtomFeed(options: FeedOptions): Promise<string> {
  const { siteUrl, siteName, title, subtitle, selfPath, alternatePath, now } = options;
  const articles = publicArticles(options.articles).slice(0, options.limit ?? 30);
  const self = absoluteUrl(selfPath, siteUrl);
  const updated = toIso(articles[0]?.date ?? now);
  const entries = await Promise.all(articles.map((a) => entry(a, siteUrl, siteName)));
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi">',
    `  <title>${xml(title)}</title>`,
    subtitle ? `  <subtitle>${xml(subtitle)}</subtitle>` : "",
    `  <link rel="self" type="application/atom+xml" href="${xml(self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xml(absoluteUrl(alternatePath, siteUrl))}"/>`,
    `  <id>${xml(self)}</id>`,
    `  <updated>${updated}</updated>`,
    `  <author><name>${xml(siteName)}</name></author>`,
    ...entries,
    "</feed>\n",
  ]
    .filter(Boolean)
    .join("\n");
}
