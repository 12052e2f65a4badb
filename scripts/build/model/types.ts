import type { DateTime } from "luxon";
import type { ArticleFrontMatter, CategoriesData, MenuData, PageFrontMatter, SiteData } from "../content/schema.ts";

/** A category with its place in the tree. `articles` includes its descendants'. */
export interface Category {
  key: string;
  name: string;
  description?: string;
  parent?: Category;
  children: Category[];
  /** Root first, this category last: the breadcrumb. */
  path: Category[];
  url: string;
  articles: Article[];
}

export interface Tag {
  name: string;
  slug: string;
  url: string;
  articles: Article[];
}

/** A Markdown image or link target found in a body, with its line in the file. */
export interface BodyReference {
  kind: "image" | "link";
  target: string;
  line: number;
}

interface Document {
  /** Path as shown in messages, relative to the working directory. */
  file: string;
  /** Absolute path of the source file. */
  sourcePath: string;
  title: string;
  slug: string;
  url: string;
  summary: string;
  /** Rendered, sanitised body HTML. */
  html: string;
  draft: boolean;
  references: BodyReference[];
  /** Line in the file where the Markdown body starts. */
  bodyLine: number;
  /** Line of a front-matter value, from the YAML's own node ranges. */
  lineOf: (path: readonly PropertyKey[]) => number;
}

export interface Article extends Document {
  kind: "article";
  frontMatter: ArticleFrontMatter;
  date: DateTime;
  /** ISO 8601 with +07:00. */
  dateIso: string;
  year: number;
  category: Category;
  tags: Tag[];
  author?: string;
  /** Site URL of the cover image (e.g. /media/2020/x.jpg), if any. */
  image?: string;
  imageAlt?: string;
  legacyUrls: string[];
  future: boolean;
}

export interface Page extends Document {
  kind: "page";
  frontMatter: PageFrontMatter;
}

export interface Listing {
  kind: "category" | "tag" | "year";
  title: string;
  /** URL of page 1. */
  baseUrl: string;
  url: string;
  pageNumber: number;
  totalPages: number;
  articles: Article[];
  category?: Category;
  tag?: Tag;
  year?: number;
}

export interface SiteModel {
  site: SiteData & { url: string };
  menu: MenuData;
  categoriesData: CategoriesData;
  /** Every category, in tree order. */
  categories: Category[];
  categoryByKey: Map<string, Category>;
  /** Published articles (plus drafts and future ones in preview), newest first. */
  articles: Article[];
  pages: Page[];
  tags: Tag[];
  years: { year: number; articles: Article[] }[];
  listings: Listing[];
  contentDir: string;
  preview: boolean;
}
