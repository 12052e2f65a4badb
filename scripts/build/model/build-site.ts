import { dirname, relative, resolve } from "node:path";
import type { DateTime } from "luxon";
import type { ContentIssue } from "../content/issues.ts";
import type { SourceArticle, SourcePage } from "../content/load-documents.ts";
import type { CategoriesData, MenuData, SiteData } from "../content/schema.ts";
import { renderMarkdown } from "../render/markdown.ts";
import { articleUrl, pageUrl, RESERVED_SLUGS, tagUrl, yearUrl } from "../urls.ts";
import { buildCategories } from "./categories.ts";
import { toIso } from "./dates.ts";
import { paginate } from "./paginate.ts";
import { slugify } from "./slug.ts";
import type { Article, Listing, Page, SiteModel, Tag } from "./types.ts";

const SUMMARY_LENGTH = 300;
const collator = new Intl.Collator("vi");

export interface SiteInput {
  contentDir: string;
  site: SiteData & { url: string };
  menu: MenuData;
  categoriesData: CategoriesData;
  /** Lines of categories.yaml's entries, for messages. */
  categoriesLineOf?: (path: readonly PropertyKey[]) => number;
  articles: SourceArticle[];
  pages: SourcePage[];
  preview: boolean;
  now: DateTime;
  /** Renders a body; the dev server passes a memoised one so that only changed files are rendered again. */
  renderBody?: (doc: SourceArticle | SourcePage, resolveUrl: (target: string) => string) => ReturnType<typeof renderMarkdown>;
}

/**
 * URL and ISO date of a source article, formatted once per source object: the dev server builds the
 * model again on every save from the same unchanged sources, and luxon formatting dominates that.
 */
const formatted = new WeakMap<SourceArticle, { url: string; dateIso: string; millis: number }>();
function formats(a: SourceArticle): { url: string; dateIso: string; millis: number } {
  let f = formatted.get(a);
  if (!f) formatted.set(a, (f = { url: articleUrl(a.date, a.slug), dateIso: toIso(a.date), millis: a.date.toMillis() }));
  return f;
}
const tagSlugs = new Map<string, string>();
const tagSlug = (name: string): string => {
  let slug = tagSlugs.get(name);
  if (slug === undefined) tagSlugs.set(name, (slug = slugify(name)));
  return slug;
};

/** decodeURI that keeps a malformed escape (%E0%A4) as it is: the check reports it with its line. */
function safeDecodeUri(text: string): string {
  try {
    return decodeURI(text);
  } catch {
    return text;
  }
}

/** Two documents with one address: an error at each, naming the other (also the editor UI's check against the tree). */
export function sharedUrlIssues(url: string, a: { file: string; line: number }, b: { file: string; line: number }): ContentIssue[] {
  return [
    [a, b],
    [b, a],
  ].map(([mine, twin]) => ({
    file: mine!.file,
    line: mine!.line,
    field: "url",
    message: `${url} cũng là địa chỉ của ${twin!.file} — đổi tên một trong hai tệp (hoặc đặt một \`slug:\` khác)`,
    severity: "error" as const,
  }));
}

/** Assemble the site: URLs, rendered bodies, category tree, tags, archives and paginated listings. */
export function buildSite(input: SiteInput, issues: ContentIssue[]): SiteModel {
  const { contentDir } = input;
  const categories = buildCategories(input.categoriesData, issues, contentDir, input.categoriesLineOf);
  const categoryByKey = new Map(categories.map((c) => [c.key, c]));

  // URLs first, so that Markdown links to other .md files can be resolved while rendering.
  const urlOwner = new Map<string, SourceArticle | SourcePage>();
  const urlBySource = new Map<string, string>();
  // The address comes from `slug:` when there is one, otherwise from the file name (line 1).
  const slugLine = (doc: SourceArticle | SourcePage) => (doc.frontMatter.slug ? doc.lineOf(["slug"]) : 1);
  const claim = (url: string, doc: SourceArticle | SourcePage) => {
    const other = urlOwner.get(url);
    if (other) {
      issues.push(...sharedUrlIssues(url, { file: other.file, line: slugLine(other) }, { file: doc.file, line: slugLine(doc) }));
      return;
    }
    urlOwner.set(url, doc);
    urlBySource.set(doc.sourcePath, url);
  };
  for (const a of input.articles) claim(formats(a).url, a);
  for (const p of input.pages) {
    if (RESERVED_SLUGS.includes(p.slug)) {
      issues.push({ file: p.file, line: slugLine(p), field: "slug", message: `/${p.slug}/ là địa chỉ dành riêng cho các trang của hệ thống — đổi tên tệp (hoặc đặt một \`slug:\` khác)`, severity: "error" });
    } else claim(pageUrl(p.slug), p);
  }

  const mediaUrl = (from: string, target: string): string => {
    if (/^([a-z][a-z0-9+.-]*:|#|\/)/i.test(target)) return target;
    const [path, hash = ""] = target.split("#") as [string, string?];
    const abs = resolve(dirname(from), safeDecodeUri(path));
    const doc = urlBySource.get(abs);
    if (doc) return doc + (hash ? `#${hash}` : "");
    const rel = relative(contentDir, abs);
    return rel.startsWith("..") ? target : `/${rel.split("\\").join("/")}${hash ? `#${hash}` : ""}`;
  };
  // Images are checked (existence, format, size, alt text) by scripts/build/images/check.ts.
  const renderBody = input.renderBody ?? ((doc, resolveUrl) => renderMarkdown(doc.body, { bodyLine: doc.bodyLine, resolveUrl }));
  const render = (doc: SourceArticle | SourcePage) => {
    const out = renderBody(doc, (t) => mediaUrl(doc.sourcePath, t));
    for (const p of out.problems) issues.push({ file: doc.file, ...p });
    return out;
  };
  const summaryOf = (explicit: string | undefined, first: string) => explicit ?? truncate(first, SUMMARY_LENGTH);

  const tagsBySlug = new Map<string, Tag>();
  const articles: Article[] = [];
  for (const src of input.articles) {
    const url = urlBySource.get(src.sourcePath);
    const category = categoryByKey.get(src.frontMatter.category);
    if (!url || !category) continue;
    const fm = src.frontMatter;
    const draft = fm.draft === true;
    const future = src.date > input.now;
    const out = render(src);
    const image = fm.image ? mediaUrl(src.sourcePath, fm.image) : undefined;
    if (!input.preview && (draft || future)) continue;
    const tags = (fm.tags ?? []).flatMap((name, i) => {
      const slug = tagSlug(name);
      if (!slug) {
        const line = src.lineOf(Array.isArray(src.frontMatter.tags) ? ["tags", i] : ["tags"]);
        const message = `thẻ "${name}" không có chữ hay số nào, sẽ thành địa chỉ hỏng /the// — xóa thẻ trống này hoặc viết tên thẻ, ví dụ \`tags: [hội nghị, ban chấp hành]\``;
        issues.push({ file: src.file, line, field: "tags", message, severity: "error" });
        return [];
      }
      let tag = tagsBySlug.get(slug);
      if (!tag) tagsBySlug.set(slug, (tag = { name, slug, url: tagUrl(slug), articles: [] }));
      return [tag];
    });
    articles.push({
      kind: "article",
      file: src.file,
      sourcePath: src.sourcePath,
      frontMatter: fm,
      title: fm.title,
      slug: src.slug,
      url,
      date: src.date,
      dateIso: formats(src).dateIso,
      year: src.date.year,
      category,
      tags,
      author: fm.author || undefined,
      summary: summaryOf(fm.summary, out.firstParagraph),
      html: out.html,
      image,
      imageAlt: fm.image_alt,
      legacyUrls: fm.legacy_url ?? [],
      draft,
      future,
      references: out.references,
      bodyLine: src.bodyLine,
      lineOf: src.lineOf,
    });
  }
  const millis = new Map(input.articles.map((src) => [src.sourcePath, formats(src).millis]));
  const time = (a: Article) => millis.get(a.sourcePath)!;
  articles.sort((a, b) => time(b) - time(a) || collator.compare(a.title, b.title));

  for (const a of articles) {
    for (const c of a.category.path) c.articles.push(a);
    for (const t of new Set(a.tags)) t.articles.push(a);
  }

  const pages: Page[] = [];
  for (const src of input.pages) {
    const url = urlBySource.get(src.sourcePath);
    if (!url) continue;
    const out = render(src);
    const draft = src.frontMatter.draft === true;
    if (draft && !input.preview) continue;
    pages.push({
      kind: "page",
      file: src.file,
      sourcePath: src.sourcePath,
      frontMatter: src.frontMatter,
      title: src.frontMatter.title,
      slug: src.slug,
      url,
      summary: summaryOf(src.frontMatter.summary, out.firstParagraph),
      html: out.html,
      draft,
      references: out.references,
      bodyLine: src.bodyLine,
      lineOf: src.lineOf,
    });
  }
  pages.sort((a, b) => (a.frontMatter.menu_order ?? 99) - (b.frontMatter.menu_order ?? 99) || collator.compare(a.title, b.title));

  const tags = [...tagsBySlug.values()].sort((a, b) => collator.compare(a.name, b.name));
  const byYear = new Map<number, Article[]>();
  for (const a of articles) {
    const list = byYear.get(a.year);
    if (list) list.push(a);
    else byYear.set(a.year, [a]);
  }
  const years = [...byYear].map(([year, list]) => ({ year, articles: list })).sort((a, b) => b.year - a.year);

  const listings: Listing[] = [
    ...categories.flatMap((category) =>
      paginate(category.articles, category.url).map((p) => ({ ...p, kind: "category" as const, title: category.name, category })),
    ),
    ...tags.flatMap((tag) =>
      paginate(tag.articles, tag.url).map((p) => ({ ...p, kind: "tag" as const, title: `Thẻ: ${tag.name}`, tag })),
    ),
    ...years.flatMap(({ year, articles: list }) =>
      paginate(list, yearUrl(year)).map((p) => ({ ...p, kind: "year" as const, title: `Lưu trữ năm ${year}`, year })),
    ),
  ];

  return {
    site: input.site,
    menu: input.menu,
    categoriesData: input.categoriesData,
    categories,
    categoryByKey,
    articles,
    pages,
    tags,
    years,
    listings,
    contentDir,
    preview: input.preview,
  };
}

function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), max * 0.6))}…`;
}

