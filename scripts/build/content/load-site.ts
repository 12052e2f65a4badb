import type { DateTime } from "luxon";
import { nowInVietnam } from "../model/dates.ts";
import { buildSite, type SiteInput } from "../model/build-site.ts";
import type { SiteModel } from "../model/types.ts";
import { loadDataFile } from "./data-files.ts";
import type { ContentIssue } from "./issues.ts";
import { sortIssues } from "./issues.ts";
import { loadArticles, loadPages, type RawTexts, type SourceArticle, type SourcePage } from "./load-documents.ts";
import { categoriesData, menuData, siteData, type CategoriesData, type MenuData, type SiteData } from "./schema.ts";
import type { YamlSource } from "./yaml-source.ts";

export interface LoadOptions {
  contentDir: string;
  preview: boolean;
  now?: DateTime;
}

export interface LoadResult {
  model?: SiteModel;
  /** The model built despite errors (absent only when a data file it needs is broken), for the checks that need one. */
  partial?: SiteModel;
  /** Lines of menu.yaml's entries, for the link check. */
  menuLineOf?: YamlSource["lineOf"];
  /** Every error and warning found, sorted by file and line. */
  issues: ContentIssue[];
  /** The Markdown files as read, before NFC, for the editorial checks. */
  rawTexts: RawTexts;
}

/** content/_data's site, menu and categories files; a value is absent when its file has an error. */
export interface SiteDataFiles {
  site?: SiteData;
  menu?: MenuData;
  categories?: CategoriesData;
  menuLineOf?: YamlSource["lineOf"];
  categoriesLineOf?: YamlSource["lineOf"];
  issues: ContentIssue[];
}

export async function loadSiteData(contentDir: string): Promise<SiteDataFiles> {
  const [site, menu, categories] = await Promise.all([
    loadDataFile(contentDir, "site.yaml", siteData),
    loadDataFile(contentDir, "menu.yaml", menuData, []),
    loadDataFile(contentDir, "categories.yaml", categoriesData),
  ]);
  return {
    site: site.value,
    menu: menu.value,
    categories: categories.value,
    menuLineOf: menu.lineOf,
    categoriesLineOf: categories.lineOf,
    issues: [...site.issues, ...menu.issues, ...categories.issues],
  };
}

/**
 * The model from loaded data and documents; undefined only when categories.yaml is broken.
 * A broken site.yaml or menu.yaml still lets the articles be checked; their errors stop the build.
 */
export function modelFromSources(
  options: LoadOptions & { data: SiteDataFiles; articles: SourceArticle[]; pages: SourcePage[]; renderBody?: SiteInput["renderBody"] },
  issues: ContentIssue[],
): SiteModel | undefined {
  const { site, menu, categories } = options.data;
  if (!categories) return undefined;
  const siteValue = site ?? siteData.parse({ name: "-", short_name: "-" });
  const url = (siteValue.url ?? process.env.URL ?? "http://localhost:8080").replace(/\/$/, "");
  return buildSite(
    {
      contentDir: options.contentDir,
      site: { ...siteValue, url },
      menu: menu ?? [],
      categoriesData: categories,
      categoriesLineOf: options.data.categoriesLineOf,
      articles: options.articles,
      pages: options.pages,
      preview: options.preview,
      now: options.now ?? nowInVietnam(),
      renderBody: options.renderBody,
    },
    issues,
  );
}

/** Load, validate and model a whole content tree. `model` is absent when there is any error. */
export async function loadSite(options: LoadOptions): Promise<LoadResult> {
  const { contentDir } = options;
  const rawTexts: RawTexts = new Map();
  const data = await loadSiteData(contentDir);
  const issues: ContentIssue[] = [...data.issues];
  const [articles, pages] = await Promise.all([
    loadArticles(contentDir, data.categories, issues, rawTexts),
    loadPages(contentDir, issues, rawTexts),
  ]);
  const model = modelFromSources({ ...options, data, articles, pages }, issues);
  const sorted = sortIssues(issues);
  const ok = model && data.site && data.menu && !sorted.some((i) => i.severity === "error");
  return { model: ok ? model : undefined, partial: model, menuLineOf: data.menuLineOf, issues: sorted, rawTexts };
}
