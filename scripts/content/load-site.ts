import type { DateTime } from "luxon";
import { nowInVietnam } from "../model/dates.ts";
import { buildSite } from "../model/build-site.ts";
import type { SiteModel } from "../model/types.ts";
import { loadDataFile } from "./data-files.ts";
import type { ContentIssue } from "./issues.ts";
import { sortIssues } from "./issues.ts";
import { loadArticles, loadPages, type RawTexts } from "./load-documents.ts";
import { categoriesData, menuData, siteData } from "./schema.ts";

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
  menuLineOf?: (path: readonly PropertyKey[]) => number;
  /** Every error and warning found, sorted by file and line. */
  issues: ContentIssue[];
  /** The Markdown files as read, before NFC, for the editorial checks. */
  rawTexts: RawTexts;
}

/** Load, validate and model a whole content tree. `model` is absent when there is any error. */
export async function loadSite(options: LoadOptions): Promise<LoadResult> {
  const { contentDir, preview } = options;
  const issues: ContentIssue[] = [];
  const rawTexts: RawTexts = new Map();
  const [site, menu, categories] = await Promise.all([
    loadDataFile(contentDir, "site.yaml", siteData),
    loadDataFile(contentDir, "menu.yaml", menuData, []),
    loadDataFile(contentDir, "categories.yaml", categoriesData),
  ]);
  issues.push(...site.issues, ...menu.issues, ...categories.issues);
  const [articles, pages] = await Promise.all([
    loadArticles(contentDir, categories.value, issues, rawTexts),
    loadPages(contentDir, issues, rawTexts),
  ]);
  if (!categories.value) return { issues: sortIssues(issues), rawTexts };
  // A broken site.yaml or menu.yaml still lets the articles be checked; the errors stop the build.
  const siteValue = site.value ?? siteData.parse({ name: "-", short_name: "-" });
  const url = (siteValue.url ?? process.env.URL ?? "http://localhost:8080").replace(/\/$/, "");
  const model = buildSite(
    {
      contentDir,
      site: { ...siteValue, url },
      menu: menu.value ?? [],
      categoriesData: categories.value,
      categoriesLineOf: categories.lineOf,
      articles,
      pages,
      preview,
      now: options.now ?? nowInVietnam(),
    },
    issues,
  );
  const sorted = sortIssues(issues);
  const ok = site.value && menu.value && !sorted.some((i) => i.severity === "error");
  return { model: ok ? model : undefined, partial: model, menuLineOf: menu.lineOf, issues: sorted, rawTexts };
}
