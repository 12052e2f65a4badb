import { OG_HEIGHT, OG_WIDTH } from "../images/config.ts";
import { toIso } from "../model/dates.ts";
import type { Article } from "../model/types.ts";

/** Site-wide image for shares of pages without a cover (written by og-image.ts). */
export const DEFAULT_OG_IMAGE = { url: "/og-default.png", width: 1200, height: 630 };

export interface MetaSite {
  name: string;
  /** Without trailing slash. */
  url: string;
}

export interface MetaImage {
  /** Absolute URL. */
  url: string;
  alt: string;
  width?: number;
  height?: number;
}

export interface HeadMetaData {
  canonical: string;
  title: string;
  description: string;
  type: "article" | "website";
  image: MetaImage;
  publishedTime?: string;
  section?: string;
  tags: string[];
  /** JSON-LD objects, each for its own <script type="application/ld+json">. */
  jsonLd: object[];
}

export interface PageInput {
  title: string;
  description?: string;
  /** Site path. */
  url: string;
}

/** Turns a cover image's site URL into the share-sized crop's URL (the images pipeline's ogImage). */
export type OgImageFn = (src: string) => string | undefined;

const abs = (site: MetaSite, path: string) => new URL(path, site.url + "/").href;

function defaultImage(site: MetaSite): MetaImage {
  return { ...DEFAULT_OG_IMAGE, url: abs(site, DEFAULT_OG_IMAGE.url), alt: site.name };
}

function publisher(site: MetaSite) {
  return {
    "@type": "Organization",
    name: site.name,
    url: site.url + "/",
    logo: { "@type": "ImageObject", url: abs(site, DEFAULT_OG_IMAGE.url) },
  };
}

/** Head metadata for a page that is not an article (home, listings, static pages). */
export function pageMeta(site: MetaSite, page: PageInput): HeadMetaData {
  return {
    canonical: abs(site, page.url),
    title: page.title,
    description: page.description ?? "",
    type: "website",
    image: defaultImage(site),
    tags: [],
    jsonLd: [],
  };
}

/** Head metadata for an article: Open Graph, Twitter card, NewsArticle and BreadcrumbList. */
export function articleMeta(site: MetaSite, article: Article, ogImage?: OgImageFn): HeadMetaData {
  const canonical = abs(site, article.url);
  const crop = article.image ? ogImage?.(article.image) : undefined;
  const cover = crop ?? article.image;
  const image = cover
    ? { url: abs(site, cover), alt: article.imageAlt ?? article.title, ...(crop ? { width: OG_WIDTH, height: OG_HEIGHT } : {}) }
    : defaultImage(site);
  const date = toIso(article.date);
  const crumbs = [
    { name: "Trang chủ", url: site.url + "/" },
    ...article.category.path.map((c) => ({ name: c.name, url: abs(site, c.url) })),
    { name: article.title, url: canonical },
  ];
  return {
    canonical,
    title: article.title,
    description: article.summary,
    type: "article",
    image,
    publishedTime: date,
    section: article.category.name,
    tags: article.tags.map((t) => t.name),
    jsonLd: [
      {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        mainEntityOfPage: { "@type": "WebPage", "@id": canonical },
        headline: article.title,
        description: article.summary || undefined,
        image: [image.url],
        datePublished: date,
        // The content model has no edit date: an article is dated when it is published.
        dateModified: date,
        inLanguage: "vi",
        articleSection: article.category.name,
        keywords: article.tags.length ? article.tags.map((t) => t.name).join(", ") : undefined,
        author: article.author ? { "@type": "Person", name: article.author } : publisher(site),
        publisher: publisher(site),
      },
      {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        itemListElement: crumbs.map((c, i) => ({ "@type": "ListItem", position: i + 1, name: c.name, item: c.url })),
      },
    ],
  };
}

/**
 * JSON for a <script type="application/ld+json"> body. `<` is escaped so that
 * a title containing `</script>` or `<!--` cannot end the element early.
 */
export function jsonLdText(value: object): string {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}
