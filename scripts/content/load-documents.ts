import { readdir } from "node:fs/promises";
import { join, relative } from "node:path";
import type { DateTime } from "luxon";
import type { z } from "zod";
import { parseContentDate } from "../model/dates.ts";
import { slugify } from "../model/slug.ts";
import { splitFrontMatter } from "./front-matter.ts";
import type { ContentIssue } from "./issues.ts";
import { readContentText } from "./read-text.ts";
import { articleFrontMatter, pageFrontMatter, type ArticleFrontMatter, type PageFrontMatter } from "./schema.ts";
import { schemaIssues, type YamlSource } from "./yaml-source.ts";

export const ARTICLES_DIR = "tin-tuc";
export const PAGES_DIR = "trang";

/** A validated source file, before rendering. */
export interface SourceDocument<F> {
  file: string;
  sourcePath: string;
  frontMatter: F;
  body: string;
  bodyLine: number;
  lineOf: YamlSource["lineOf"];
  slug: string;
}
export interface SourceArticle extends SourceDocument<ArticleFrontMatter> {
  date: DateTime;
}
export type SourcePage = SourceDocument<PageFrontMatter>;

export async function markdownFiles(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    return entries
      .filter((e) => e.isFile() && e.name.endsWith(".md") && !e.name.startsWith("_"))
      .map((e) => join(e.parentPath, e.name))
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
}

/** Raw text of every Markdown file read, by display path, for the editorial checks. */
export type RawTexts = Map<string, string>;

/** Read, split and schema-check one Markdown file; its issues go to `issues`. */
export function readSource<S extends z.ZodType>(
  sourcePath: string,
  schema: S,
  issues: ContentIssue[],
  rawTexts: RawTexts,
): SourceDocument<z.infer<S>> | undefined {
  const file = relative(process.cwd(), sourcePath);
  const read = readContentText(sourcePath, file);
  if ("issue" in read) return void issues.push(read.issue);
  rawTexts.set(file, read.raw);
  const split = splitFrontMatter(read.text, file);
  if ("issue" in split) return void issues.push(split.issue);
  const result = schema.safeParse(split.source.value);
  if (!result.success) return void issues.push(...schemaIssues(result.error, split.source, file));
  const fm = result.data as { slug?: string };
  const base = sourcePath.split("/").pop()!.replace(/\.md$/, "");
  return {
    file,
    sourcePath,
    frontMatter: result.data,
    body: split.body,
    bodyLine: split.bodyLine,
    lineOf: split.source.lineOf,
    // The file name, not the title, fixes the URL, so fixing a typo in a title never breaks links.
    slug: fm.slug ?? slugify(base),
  };
}

/** Read and validate every article; category keys are checked against `categoryKeys`. */
export async function loadArticles(
  contentDir: string,
  categoryKeys: string[],
  issues: ContentIssue[],
  rawTexts: RawTexts,
): Promise<SourceArticle[]> {
  const paths = await markdownFiles(join(contentDir, ARTICLES_DIR));
  const docs = paths.map((p) => readSource(p, articleFrontMatter, issues, rawTexts));
  return docs.flatMap((doc) => (doc ? (validateArticle(doc, categoryKeys, issues) ?? []) : []));
}

/** The checks an article needs beyond its schema: a real date, a known category, a non-empty slug. */
export function validateArticle(
  doc: SourceDocument<ArticleFrontMatter>,
  categoryKeys: string[],
  issues: ContentIssue[],
): SourceArticle | undefined {
  const fm = doc.frontMatter;
  let ok = true;
  const date = parseContentDate(fm.date);
  if (!date.ok) {
    issues.push({ file: doc.file, line: doc.lineOf(["date"]), field: "date", message: date.message, severity: "error" });
    ok = false;
  }
  if (!categoryKeys.includes(fm.category)) {
    issues.push({
      file: doc.file,
      line: doc.lineOf(["category"]),
      field: "category",
      message: `unknown category "${fm.category}" — use one of: ${categoryKeys.join(", ")}`,
      severity: "error",
    });
    ok = false;
  }
  if (!doc.slug) {
    issues.push({ file: doc.file, line: 1, field: "slug", message: "the file name gives an empty URL — rename the file with letters or digits", severity: "error" });
    ok = false;
  }
  return ok && date.ok ? { ...doc, date: date.value } : undefined;
}

export async function loadPages(contentDir: string, issues: ContentIssue[], rawTexts: RawTexts): Promise<SourcePage[]> {
  const paths = await markdownFiles(join(contentDir, PAGES_DIR));
  const docs = paths.map((p) => readSource(p, pageFrontMatter, issues, rawTexts));
  return docs.filter((d): d is SourcePage => d !== undefined);
}
