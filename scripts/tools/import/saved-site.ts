import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { listFiles } from "../../build/list-files.ts";
import { availableParallelism } from "node:os";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { Worker } from "node:worker_threads";
import { stringify } from "yaml";
import { splitFrontMatter } from "../../build/content/front-matter.ts";
import { ARTICLES_DIR } from "../../build/content/load-documents.ts";
import type { CategoriesData } from "../../build/content/schema.ts";
import { toIso } from "../../build/model/dates.ts";
import { slugify } from "../../build/model/slug.ts";
import { legacyId } from "../../build/publish/redirects.ts";
import { resolveCategory } from "./categories.ts";
import type { Block } from "./html-to-markdown.ts";
import { imageProblem, MediaCopier, relativeFrom, SavedFiles } from "./media-files.ts";
import { ensurePlaceholder, PLACEHOLDER_MEDIA } from "./placeholder.ts";
import { fromWire, readPage, type Page, type PageOutcome, type WireOutcome } from "./read-page.ts";
import type { SavedArticle } from "./saved-page.ts";
import { escapeMarkdown } from "./to-markdown.ts";

/** Files a saved copy holds that are never pages. */
const NOT_A_PAGE = /\.(jpe?g|png|gif|bmp|webp|svg|ico|css|js|pdf|docx?|xlsx?|pptx?|odt|ods|rtf|zip|rar|7z|swf|flv|mp4|mp3|wav|wma|wmv|avi|txt|xml|json|woff2?|ttf|eot|otf|map)$/i;

export interface SavedSiteOptions {
  contentDir: string;
  categories: CategoriesData;
  aliases: Record<string, string>;
  force: boolean;
  /** Called now and then on a long run. */
  progress?: (message: string) => void;
}

/** One line of the report; `file` is shown relative to the working directory. */
export interface ReportLine {
  file: string;
  line?: number;
  message: string;
}

export interface ImportReport {
  created: ReportLine[];
  overwritten: ReportLine[];
  /** Articles that are already in the content folder (unchanged). */
  existing: ReportLine[];
  skipped: ReportLine[];
  warnings: ReportLine[];
  failed: ReportLine[];
}

export const emptyReport = (): ImportReport => ({ created: [], overwritten: [], existing: [], skipped: [], warnings: [], failed: [] });

/** A path as messages show it: from the working directory when inside it, else in full. */
export function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel : resolve(path);
}

/** The page files of the folders (and files) named, with the folder each one belongs to. */
async function savedPages(inputs: { path: string; isDir: boolean }[]): Promise<{ pages: Page[]; files: SavedFiles }> {
  const pages: Page[] = [];
  const all: string[] = [];
  for (const input of inputs) {
    if (!input.isDir) {
      pages.push({ file: input.path, root: dirname(input.path), rel: basename(input.path) });
      all.push(input.path);
      continue;
    }
    const files = (await listFiles(input.path)).map((f) => join(input.path, f));
    all.push(...files);
    pages.push(...files.filter((f) => !NOT_A_PAGE.test(f)).map((file) => ({ file, root: input.path, rel: relative(input.path, file).split(sep).join("/") })));
  }
  return { pages, files: new SavedFiles(all) };
}

const MOBILE_NAME = /(^|[\\/])mobile[^\\/]*$/i;
const mobileCopyReason = (desktop: string) => `bản cho điện thoại của bài lấy từ ${desktop} (một bài, không chuyển hai lần)`;
const BATCH = 50;

/** Reads pages on worker threads (one per core, two at least to be worth it), in the pages' order. */
async function readInParallel(pages: Page[], tick: (n: number) => void): Promise<PageOutcome[]> {
  const threads = Math.min(availableParallelism(), 4);
  const inline = () => pages.map((p) => (tick(1), readPage(p)));
  if (threads < 2 || pages.length < 200) return inline();
  const results: PageOutcome[] = new Array(pages.length);
  // The thread loads TypeScript the way this process does: through tsx's loader.
  const boot = `import { register } from ${JSON.stringify(import.meta.resolve("tsx/esm/api"))}; register(); await import(${JSON.stringify(new URL("./parse-worker.ts", import.meta.url).href)});`;
  const workers = Array.from({ length: threads }, () => new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`)));
  let next = 0;
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const send = () => {
              if (next >= pages.length) return resolve();
              const start = next;
              next = Math.min(pages.length, next + BATCH);
              worker.postMessage({ start, pages: pages.slice(start, next) });
            };
            worker.on("message", ({ start, outcomes }: { start: number; outcomes: WireOutcome[] }) => {
              outcomes.forEach((o, i) => (results[start + i] = fromWire(o)));
              tick(outcomes.length);
              send();
            });
            worker.on("error", reject);
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}

interface Parsed {
  page: Page;
  article: SavedArticle;
}

interface Existing {
  byId: Map<string, string>;
  byAddress: Map<string, string>;
  files: Set<string>;
}

/** Articles already in the content folder, by the old addresses (and ids) their `legacy_url` holds. */
async function existingArticles(contentDir: string): Promise<Existing> {
  const existing: Existing = { byId: new Map(), byAddress: new Map(), files: new Set() };
  const dir = join(contentDir, ARTICLES_DIR);
  if (!existsSync(dir)) return existing;
  for (const rel of await listFiles(dir, [".md"])) {
    const file = join(dir, rel);
    existing.files.add(file);
    const text = readFileSync(file, "utf8");
    if (!text.includes("legacy_url")) continue;
    const fm = splitFrontMatter(text.replace(/\r\n?/g, "\n"), file);
    if ("issue" in fm) continue;
    const value = (fm.source.value as { legacy_url?: unknown }).legacy_url;
    for (const url of (Array.isArray(value) ? value : [value]).filter((u): u is string => typeof u === "string")) {
      existing.byAddress.set(url.trim(), file);
      const id = legacyId(url.trim());
      if (id) existing.byId.set(id, file);
    }
  }
  return existing;
}

/** Title and date of an article file, to tell the same article from another with the same name. */
function sameArticle(file: string, article: SavedArticle): boolean {
  const fm = splitFrontMatter(readFileSync(file, "utf8").replace(/\r\n?/g, "\n"), file);
  if ("issue" in fm) return false;
  const { title, date } = fm.source.value as { title?: unknown; date?: unknown };
  return String(title ?? "").normalize("NFC").trim() === article.title && String(date ?? "").startsWith(article.date.toFormat("yyyy-MM-dd"));
}

/**
 * Imports a saved copy of the old site: reads every page, keeps the articles (one per old id: the
 * desktop page before its mobile copy), then writes each one with its photos and files, its links
 * to other old articles rewritten to the new files.
 */
export async function importSavedSite(inputs: { path: string; isDir: boolean }[], options: SavedSiteOptions): Promise<ImportReport> {
  const report = emptyReport();
  const { pages, files } = await savedPages(inputs);
  const parsed: Parsed[] = [];
  const every = pages.length > 500 ? 1000 : Infinity;
  let read = 0;
  const tick = (n: number) => {
    for (let i = 0; i < n; i++) if (++read % every === 0) options.progress?.(`Đã đọc ${read}/${pages.length} trang…`);
  };
  // Desktop pages first (on every core): a mobile copy of an article already read is then skipped without parsing it.
  const desktop = pages.filter((p) => !MOBILE_NAME.test(p.file));
  const mobile = pages.filter((p) => MOBILE_NAME.test(p.file));
  const desktopById = new Map<string, string>();
  const outcomes = [...(await readInParallel(desktop, tick)).map((o, i) => [desktop[i]!, o] as const)];
  const take = (page: Page, outcome: PageOutcome) => {
    const where = shown(page.file);
    switch (outcome.kind) {
      case "not-html":
        if (inputs.some((input) => !input.isDir && input.path === page.file)) report.skipped.push({ file: where, message: "không phải trang HTML lưu từ trang cũ" });
        return;
      case "failed":
        return void report.failed.push({ file: where, ...(outcome.line ? { line: outcome.line } : {}), message: outcome.message });
      case "skipped":
        return void report.skipped.push({ file: where, message: outcome.reason });
      case "mobile-copy":
        return void report.skipped.push({ file: where, message: mobileCopyReason(outcome.desktop) });
      case "article":
        parsed.push({ page, article: outcome.article });
        if (outcome.article.id && !outcome.article.mobile) desktopById.set(outcome.article.id, where);
    }
  };
  for (const [page, outcome] of outcomes) take(page, outcome);
  for (const page of mobile) {
    take(page, readPage(page, desktopById));
    tick(1);
  }

  // One article per old id (or address): the desktop page wins over the mobile copy.
  const chosen = new Map<string, Parsed>();
  for (const p of parsed) {
    const key = p.article.id ? `id:${p.article.id}` : `url:${p.article.address}`;
    const other = chosen.get(key);
    if (!other) {
      chosen.set(key, p);
      continue;
    }
    const [keep, drop] = other.article.mobile && !p.article.mobile ? [p, other] : [other, p];
    chosen.set(key, keep);
    report.skipped.push({
      file: shown(drop.page.file),
      message: drop.article.mobile && !keep.article.mobile ? mobileCopyReason(shown(keep.page.file)) : `bản lưu khác của bài lấy từ ${shown(keep.page.file)} (một bài, không chuyển hai lần)`,
    });
  }

  const existing = await existingArticles(options.contentDir);
  // Where each old article is (or will be), for rewriting links: existing articles, then this run's.
  const planned = new Map([...existing.byId].map(([id, file]) => [`id:${id}`, file]));
  const taken = new Set(existing.files);
  const todo: (Parsed & { target: string; category: string; overwrite: boolean })[] = [];
  const articles = [...chosen.values()].sort((a, b) => a.article.date.toMillis() - b.article.date.toMillis() || Number(a.article.id ?? 0) - Number(b.article.id ?? 0));
  for (const p of articles) {
    const { article } = p;
    const where = shown(p.page.file);
    const category = resolveCategory(article.breadcrumb, options.categories, options.aliases);
    if (!category) {
      const keys = Object.entries(options.categories).map(([key, c]) => `${c.name} (${key})`).join(", ");
      report.failed.push({
        file: where,
        message:
          `chuyên mục “${article.breadcrumb.join(" >> ")}” không có trên trang mới — thêm một dòng ` +
          `"${article.breadcrumb.at(-1)}": <mã> vào scripts/tools/import/legacy-categories.yaml rồi chạy lại; các chuyên mục: ${keys}`,
      });
      continue;
    }
    const found = (article.id && existing.byId.get(article.id)) || existing.byAddress.get(article.address);
    if (found) {
      planned.set(linkKey(article), found);
      if (!options.force) {
        report.existing.push({ file: shown(found), message: `đã có (từ ${where}); thêm --force để ghi lại` });
        continue;
      }
      todo.push({ ...p, target: found, category, overwrite: true });
      continue;
    }
    const slug = slugify(article.title) || `bai-${article.id ?? "cu"}`;
    const folder = join(options.contentDir, ARTICLES_DIR, String(article.date.year));
    let target = join(folder, `${slug}.md`);
    if (existsSync(target) && sameArticle(target, article)) {
      planned.set(linkKey(article), target);
      if (!options.force) {
        report.existing.push({ file: shown(target), message: `đã có (từ ${where}) nhưng thiếu địa chỉ cũ — thêm dòng \`legacy_url: ${article.address}\` để địa chỉ cũ chuyển về bài này, hoặc chạy lại với --force` });
        continue;
      }
      todo.push({ ...p, target, category, overwrite: true });
      continue;
    }
    // Another article already has this name: the old id keeps the two apart.
    for (let n = 2; taken.has(target); n++) target = join(folder, `${slug}-${article.id ?? n}${article.id && n > 2 ? `-${n}` : ""}.md`);
    taken.add(target);
    planned.set(linkKey(article), target);
    todo.push({ ...p, target, category, overwrite: false });
  }

  const media = new MediaCopier(options.contentDir);
  const every2 = todo.length > 500 ? 1000 : Infinity;
  for (const [i, item] of todo.entries()) {
    if ((i + 1) % every2 === 0) options.progress?.(`Đã ghi ${i + 1}/${todo.length} bài…`);
    const where = shown(item.page.file);
    const warn = (line: number | undefined, message: string) => report.warnings.push({ file: where, ...(line ? { line } : {}), message });
    for (const note of item.article.notes) warn(note.line, note.message);
    const body = await renderBody(item, { files, media, planned, contentDir: options.contentDir, warn });
    const text = articleMarkdown(item.article, item.category, body);
    const before = existsSync(item.target) ? readFileSync(item.target, "utf8") : undefined;
    if (before === text) {
      report.existing.push({ file: shown(item.target), message: `không đổi (từ ${where})` });
      continue;
    }
    mkdirSync(dirname(item.target), { recursive: true });
    writeFileSync(item.target, text);
    (before === undefined ? report.created : report.overwritten).push({ file: shown(item.target), message: `từ ${where}` });
  }
  return report;
}

const linkKey = (a: SavedArticle) => (a.id ? `id:${a.id}` : `url:${a.address}`);

interface RenderContext {
  files: SavedFiles;
  media: MediaCopier;
  planned: Map<string, string>;
  contentDir: string;
  warn: (line: number | undefined, message: string) => void;
}

async function renderBody(item: Parsed & { target: string }, ctx: RenderContext): Promise<string> {
  const { article, page } = item;
  const year = article.date.year;
  // Each file the article refers to: its path from the article, or null when it is not in the saved copy.
  const refs = await Promise.all(
    article.refs.map(async (ref) => {
      const source = ctx.files.find(ref.href, page.file, page.root);
      const what = ref.kind === "image" ? "ảnh" : "tệp đính kèm";
      if (!source) {
        const then = ref.kind === "image" ? "bài vẫn được chuyển, với ảnh tạm ở chỗ ảnh" : "bài vẫn được chuyển, chữ của liên kết được giữ";
        ctx.warn(ref.line, `${what} “${ref.href}” không có trong bản lưu — ${then}; tìm ${what} gốc, tải lên content/media/${year}/ rồi sửa bài`);
        return null;
      }
      const bytes = readFileSync(source);
      const problem = ref.kind === "image" ? imageProblem(bytes) : null;
      if (problem) {
        ctx.warn(ref.line, `ảnh “${ref.href}” ${problem}; bài vẫn được chuyển, với ảnh tạm ở chỗ ảnh`);
        return null;
      }
      return relativeFrom(item.target, ctx.contentDir, await ctx.media.copy(source, year, bytes));
    }),
  );
  const links = article.links.map((link) => {
    const target = ctx.planned.get(`id:${link.id}`);
    if (target) return relative(dirname(item.target), target).split(sep).join("/");
    if (link.absolute) return link.href;
    ctx.warn(link.line, `liên kết tới bài cũ “${link.href}” (mã ${link.id}): bài này không có trong bản lưu lẫn trong content/ — đã giữ chữ, bỏ liên kết`);
    return null;
  });
  const substitute = (md: string) =>
    md.replace(/\[((?:[^\]\\]|\\.)*)\]\(legacy-(ref|link):(\d+)\)/g, (_, text: string, kind: string, n: string) => {
      const target = kind === "ref" ? refs[Number(n)] : links[Number(n)];
      return target ? `[${text}](${/[\s()<>]/.test(target) ? `<${target}>` : target})` : text;
    });

  let placeholder = false;
  const parts = article.blocks.map((b: Block) => {
    if (b.kind === "text") return substitute(b.md);
    if (b.kind === "video") {
      if (!b.id) ctx.warn(undefined, `video nhúng “${b.src}” không phải YouTube — đã để khối video không có địa chỉ; thêm địa chỉ YouTube sau \`::: video\` nếu có`);
      return `::: video${b.id ? ` https://www.youtube.com/watch?v=${b.id}` : ""}\n${escapeMarkdown(b.caption || "Video")}\n:::`;
    }
    const target = refs[Number(b.src.replace("legacy-ref:", ""))];
    const caption = b.caption ? ` "${b.caption.replace(/["\\]/g, "\\$&")}"` : "";
    if (!target) {
      placeholder = true;
      const alt = `Ảnh tạm thay cho ảnh gốc chưa có: ${b.caption || b.alt || article.title}`;
      return `![${escapeAlt(alt)}](${relativeFrom(item.target, ctx.contentDir, PLACEHOLDER_MEDIA)}${caption})`;
    }
    const alt = b.alt || b.caption || `Ảnh trong bài “${article.title}”`;
    return `![${escapeAlt(alt)}](${/[\s()<>]/.test(target) ? `<${target}>` : target}${caption})`;
  });
  if (placeholder) await ensurePlaceholder(ctx.contentDir);
  return parts.join("\n\n");
}

const escapeAlt = (s: string) => s.replace(/[\\[\]]/g, "\\$&");

/** Front matter in the content model's order, then the body. */
function articleMarkdown(article: SavedArticle, category: string, body: string): string {
  const fm: Record<string, unknown> = { title: article.title, date: toIso(article.date), category };
  if (article.author) fm.author = article.author;
  fm.legacy_url = article.address;
  return `---\n${stringify(fm, { lineWidth: 0 })}---\n\n${body}\n`;
}
