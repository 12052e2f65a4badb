// What `npm run check` says about one document, run in the browser before the editor UI saves it.
// Everything here is imported from the check's own modules (source parsing, the model, the cross-file
// checks, messages); this file only feeds them one document and the tree's index (tree-index.ts), which
// stands for the other files. What needs the files themselves as they are now (whether an image or a linked
// file is there, link targets, attachments' text) stays with `npm run check`.
import type { z } from "zod";
import { ARTICLES_DIR, MAX_DOCUMENT_BYTES, PAGES_DIR, sourceFromText, tooLong, validateArticle, type SourceArticle, type SourcePage } from "../content/load-documents.ts";
import { formatIssue, type ContentIssue } from "../content/issues.ts";
import { articleFrontMatter, pageFrontMatter, siteData } from "../content/schema.ts";
import { schemaIssues, parseYaml } from "../content/yaml-source.ts";
import { buildSite, sharedUrlIssues } from "../model/build-site.ts";
import { nowInVietnam, parseContentDate } from "../model/dates.ts";
import { slugify } from "../model/slug.ts";
import type { Article, Page } from "../model/types.ts";
import { checkEmptyBodies } from "../check/empty-body.ts";
import { checkLegacyEncoding } from "../check/legacy-encoding.ts";
import { checkLegacyUrls, type LegacySource } from "../check/legacy-urls.ts";
import { checkNfd } from "../check/nfd.ts";
import { checkPlaceholders } from "../check/placeholders.ts";
import { checkReferences, MISSING_IMAGE } from "../check/references.ts";
import { linksSchema } from "../../../widgets/links/data.ts";
import { quotesSchema } from "../../../widgets/quotes/data.ts";
import { videosSchema } from "../../../widgets/video/data.ts";
import type { TreeIndex } from "./tree-index.ts";

export type DocumentKind = "article" | "page";

function checkText(text: string, file: string): ContentIssue[] {
  return [...checkNfd(text, file), ...checkLegacyEncoding(text, file)];
}

/** The file a new entry will be written to, as Decap names it (its `{{year}}/{{slug}}` path, made unique). */
export function newEntryFile(kind: DocumentKind, data: Record<string, unknown>, tree: Pick<TreeIndex, "contentPath" | "documents">): string {
  const date = parseContentDate(data.date);
  const folder = kind === "article" ? `${tree.contentPath}/${ARTICLES_DIR}/${date.ok ? date.value.year : nowInVietnam().year}` : `${tree.contentPath}/${PAGES_DIR}`;
  const stem = slugify(typeof data.title === "string" ? data.title : "") || "bai-moi";
  // Decap appends -1, -2… to a name already taken.
  const taken = new Set(tree.documents.map((d) => d.file));
  let file = `${folder}/${stem}.md`;
  for (let i = 1; taken.has(file); i++) file = `${folder}/${stem}-${i}.md`;
  return file;
}

/**
 * Issues of one article or page, as `npm run check` reports them once it is saved as `file`: the file's
 * own, and, given the index of the tree, those between it and the other files.
 */
export function checkDocument(kind: DocumentKind, text: string, file: string, tree: TreeIndex, uploads: readonly string[] = []): ContentIssue[] {
  const issues = [...checkText(text, file), ...checkPlaceholders(text, file)];
  if (text.length > MAX_DOCUMENT_BYTES) return [...issues, tooLong(text, file)];
  // Paths are rooted at "/" in the browser (bundle.ts), so file names resolve as in the repository.
  const sourcePath = `/${file}`;
  const articles: SourceArticle[] = [];
  const pages: SourcePage[] = [];
  if (kind === "article") {
    const doc = sourceFromText(text, file, sourcePath, articleFrontMatter, issues);
    const article = doc && validateArticle(doc, tree.categories, issues);
    if (!article) return issues;
    articles.push(article);
  } else {
    const page = sourceFromText(text, file, sourcePath, pageFrontMatter, issues);
    if (!page) return issues;
    pages.push(page);
  }
  const site = { ...siteData.parse({ name: "-", short_name: "-" }), url: "http://localhost" };
  const model = buildSite(
    { contentDir: `/${tree.contentPath}`, site, menu: [], categoriesData: tree.categories, articles, pages, preview: true, now: nowInVietnam() },
    issues,
  );
  issues.push(...checkEmptyBodies(model, "error"));
  // Image paths the site cannot use (a bare name, a Windows path, another site's image), with the check's
  // suggestion from the media files. Whether a file is there is left to the check: the index is older than the
  // photos uploaded since it was written.
  const media = new Set([...tree.media, ...uploads]);
  issues.push(...checkReferences(model, media).issues.filter((i) => !i.message.startsWith(MISSING_IMAGE)));
  const built = [...model.articles, ...model.pages][0];
  if (built) issues.push(...treeIssues(built, file, tree));
  // Only this file's issues, and those of another file that name it.
  return issues.filter((i) => i.file === file || i.message.includes(file));
}

/** The cross-file rules of the check, between this document and the others of the index. */
function treeIssues(doc: Article | Page, file: string, tree: TreeIndex): ContentIssue[] {
  const others = tree.documents.filter((d) => d.file !== file);
  const issues: ContentIssue[] = [];
  const twin = others.find((d) => d.url === doc.url);
  if (twin) issues.push(...sharedUrlIssues(doc.url, { file: twin.file, line: twin.urlLine }, { file, line: doc.frontMatter.slug ? doc.lineOf(["slug"]) : 1 }));
  if (doc.kind === "article") {
    const claims: LegacySource[] = others
      .filter((d) => d.legacy.length > 0)
      .map((d) => ({ file: d.file, frontMatter: { legacy_url: d.legacy.map((l) => l.raw) }, lineOf: (path) => d.legacy[Number(path[1])]?.line ?? 1 }));
    issues.push(...checkLegacyUrls([...claims, doc], new Set([...tree.served, ...tree.documents.map((d) => d.url), doc.url])));
  }
  return issues;
}

const DATA_SCHEMAS: Record<string, z.ZodType> = {
  "site.yaml": siteData,
  "links.yaml": linksSchema,
  "quotes.yaml": quotesSchema,
  "videos.yaml": videosSchema,
};

/** Issues of a data file under content/_data/, from the schema its loader uses. */
export function checkDataFile(name: string, text: string, file: string): ContentIssue[] {
  const schema = DATA_SCHEMAS[name];
  const parsed = parseYaml(text, file);
  if ("issue" in parsed) return [parsed.issue];
  if (!schema) return checkText(text, file);
  const result = schema.safeParse(parsed.source.value);
  return [...checkText(text, file), ...(result.success ? [] : schemaIssues(result.error, parsed.source, file))];
}

export const errorsOf = (issues: ContentIssue[]) => issues.filter((i) => i.severity === "error");

/** Thrown by the preSave listener; Decap shows it in its "Chưa lưu." notice. */
export class EntryRejected extends Error {
  constructor(readonly issues: ContentIssue[]) {
    super(issues.map(formatIssue).join("\n"));
    this.name = "EntryRejected";
  }
  override toString(): string {
    return this.message;
  }
}
