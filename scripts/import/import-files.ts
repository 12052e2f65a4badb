import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, stat, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { detectLegacyEncoding, legacyEncodingHint } from "../check/legacy-encoding.ts";
import { ARTICLES_DIR } from "../content/load-documents.ts";
import type { CategoriesData } from "../content/schema.ts";
import { slugify } from "../model/slug.ts";
import { resolveCategory } from "./categories.ts";
import { legacyUrlsFor } from "./legacy-urls.ts";
import { parseLegacyExport } from "./parse-export.ts";
import { ensurePlaceholder } from "./placeholder.ts";
import { toMarkdown } from "./to-markdown.ts";

export interface ImportOptions {
  contentDir: string;
  categories: CategoriesData;
  aliases: Record<string, string>;
  legacyUrls: ReadonlyMap<string, string[]>;
  force: boolean;
}

export interface ImportOutcome {
  source: string;
  status: "created" | "overwritten" | "skipped" | "failed";
  /** The article written or found, relative to the working directory. */
  target?: string;
  message?: string;
}

const decoder = new TextDecoder("utf-8", { fatal: true });
const shown = (path: string) => relative(process.cwd(), path) || path;

/** Export files named directly, or found (*.txt) in the folders named, in a stable order. */
export async function exportFiles(inputs: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const input of inputs) {
    if ((await stat(input)).isDirectory()) {
      const entries = await readdir(input, { recursive: true, withFileTypes: true });
      files.push(...entries.filter((e) => e.isFile() && e.name.endsWith(".txt")).map((e) => join(e.parentPath, e.name)).sort());
    } else files.push(input);
  }
  return files;
}

export async function importFile(source: string, options: ImportOptions): Promise<ImportOutcome> {
  const fail = (message: string): ImportOutcome => ({ source: shown(source), status: "failed", message });
  let text: string;
  try {
    text = decoder.decode(await readFile(source)).replace(/^\uFEFF/, "");
  } catch {
    return fail("the file is not UTF-8 — open it in a text editor and save it as UTF-8");
  }
  const encoding = detectLegacyEncoding(text);
  if (encoding) return fail(legacyEncodingHint(encoding));
  const parsed = parseLegacyExport(text);
  if (!parsed.ok) return fail(`line ${parsed.line}: ${parsed.message}`);
  const { article } = parsed;
  const category = resolveCategory(article.breadcrumb, options.categories, options.aliases);
  if (!category) {
    return fail(
      `unknown category "${article.breadcrumb.join(" >> ")}" — add a line \`"${article.breadcrumb.at(-1)}": <key>\` ` +
        `to scripts/import/legacy-categories.yaml (keys: ${Object.keys(options.categories).join(", ")})`,
    );
  }
  const slug = slugify(article.title);
  if (!slug) return fail(`the title "${article.title}" gives an empty file name`);
  const target = join(options.contentDir, ARTICLES_DIR, String(article.date.year), `${slug}.md`);
  const exists = existsSync(target);
  if (exists && !options.force) {
    return { source: shown(source), status: "skipped", target: shown(target), message: "already exists (use --force to overwrite)" };
  }
  if (article.blocks.some((b) => b.kind === "figure")) await ensurePlaceholder(options.contentDir);
  await mkdir(join(target, ".."), { recursive: true });
  await writeFile(target, toMarkdown({ article, category, legacyUrls: legacyUrlsFor(options.legacyUrls, source) }));
  return { source: shown(source), status: exists ? "overwritten" : "created", target: shown(target) };
}
