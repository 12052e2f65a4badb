import { existsSync } from "node:fs";
import { join, sep } from "node:path";
import type { DateTime } from "luxon";
import type { ContentIssue } from "../../build/content/issues.ts";
import { sortIssues } from "../../build/content/issues.ts";
import {
  ARTICLES_DIR,
  markdownFiles,
  PAGES_DIR,
  readSource,
  validateArticle,
  type SourceArticle,
  type SourceDocument,
  type SourcePage,
} from "../../build/content/load-documents.ts";
import { loadSiteData, modelFromSources, type SiteDataFiles } from "../../build/content/load-site.ts";
import { articleFrontMatter, pageFrontMatter, type ArticleFrontMatter } from "../../build/content/schema.ts";
import type { SiteModel } from "../../build/model/types.ts";
import { memoisedRenderBody } from "./markdown-memo.ts";

interface FileState {
  kind: "article" | "page";
  doc?: SourceDocument<ArticleFrontMatter> | SourcePage;
  raw?: string;
  issues: ContentIssue[];
}

export interface ContentSnapshot {
  /** Absent when there is any error. */
  model?: SiteModel;
  /** Every error and warning of the loader, sorted. */
  issues: ContentIssue[];
  rawTexts: Map<string, string>;
  /** Documents whose source was read again in this update (new or changed). */
  changed: (SourceArticle | SourcePage)[];
}

/**
 * The content tree held in memory for `npm start`. `update` re-reads and re-validates only the
 * files named (plus any the folder listing shows appeared or vanished); the model is then
 * assembled again from the cached documents, with unchanged bodies taken from the render cache,
 * so everything that depends on a file (listings, tags, archives, neighbours, feeds) follows.
 */
export class ContentState {
  private readonly files = new Map<string, FileState>();
  private data: SiteDataFiles = { issues: [] };
  private readonly renderBody = memoisedRenderBody();
  private validated = new WeakMap<object, { keys: string; article?: SourceArticle; issues: ContentIssue[] }>();

  private listed = new Map<string, "article" | "page">();

  private async list(): Promise<Map<string, "article" | "page">> {
    const listed = new Map<string, "article" | "page">();
    const [articles, pages] = await Promise.all([
      markdownFiles(join(this.contentDir, ARTICLES_DIR)),
      markdownFiles(join(this.contentDir, PAGES_DIR)),
    ]);
    for (const p of articles) listed.set(p, "article");
    for (const p of pages) listed.set(p, "page");
    return listed;
  }

  constructor(
    private readonly contentDir: string,
    private readonly preview: boolean,
    private readonly now?: () => DateTime,
  ) {}

  /** Re-read `paths` (absolute; undefined = everything) and return the new snapshot. */
  async update(paths?: Iterable<string>): Promise<ContentSnapshot> {
    const dataDir = join(this.contentDir, "_data") + sep;
    const touched = new Set(paths ?? []);
    if (!paths || [...touched].some((p) => p.startsWith(dataDir) || p === dataDir.slice(0, -1))) {
      this.data = await loadSiteData(this.contentDir);
    }
    // An edit to files we know needs no folder listing; anything else (new, renamed, deleted) does.
    const edits = paths && [...touched].every((p) => this.files.has(p) && existsSync(p));
    const listed = edits ? this.listed : await this.list();
    this.listed = listed;
    for (const path of [...this.files.keys()]) if (!listed.has(path)) this.files.delete(path);
    const changed: (SourceArticle | SourcePage)[] = [];
    const reread = new Set<string>();
    for (const [path, kind] of listed) {
      if (paths && this.files.has(path) && !touched.has(path)) continue;
      reread.add(path);
      const issues: ContentIssue[] = [];
      const raw = new Map<string, string>();
      const doc = readSource(path, kind === "article" ? articleFrontMatter : pageFrontMatter, issues, raw);
      this.files.set(path, { kind, doc, raw: [...raw.values()][0], issues });
    }

    const issues: ContentIssue[] = [...this.data.issues];
    const categories = this.data.categories;
    const keyString = JSON.stringify(categories ?? null);
    const sourceArticles: SourceArticle[] = [];
    const sourcePages: SourcePage[] = [];
    const rawTexts = new Map<string, string>();
    // In the folder listing's (sorted) order, as a full load reads them: the first spelling of a tag wins.
    for (const path of listed.keys()) {
      const file = this.files.get(path)!;
      issues.push(...file.issues);
      if (file.doc && file.raw !== undefined) rawTexts.set(file.doc.file, file.raw);
      if (!file.doc) continue;
      if (file.kind === "page") {
        sourcePages.push(file.doc as SourcePage);
        if (reread.has(path)) changed.push(file.doc as SourcePage);
        continue;
      }
      let checked = this.validated.get(file.doc);
      if (checked?.keys !== keyString) {
        const own: ContentIssue[] = [];
        checked = { keys: keyString, article: validateArticle(file.doc as SourceDocument<ArticleFrontMatter>, categories, own), issues: own };
        this.validated.set(file.doc, checked);
      }
      issues.push(...checked.issues);
      if (checked.article) {
        sourceArticles.push(checked.article);
        if (reread.has(path)) changed.push(checked.article);
      }
    }
    const model = modelFromSources(
      { contentDir: this.contentDir, preview: this.preview, now: this.now?.(), data: this.data, articles: sourceArticles, pages: sourcePages, renderBody: this.renderBody },
      issues,
    );
    const sorted = sortIssues(issues);
    return { model: sorted.some((i) => i.severity === "error") ? undefined : model, issues: sorted, rawTexts, changed };
  }
}
