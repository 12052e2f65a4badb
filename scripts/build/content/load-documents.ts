import { readdir } from "node:fs/promises";
import { join, relative } from "node:path";
import type { DateTime } from "luxon";
import type { z } from "zod";
import { parseContentDate } from "../model/dates.ts";
import { slugify } from "../model/slug.ts";
import { splitFrontMatter } from "./front-matter.ts";
import type { ContentIssue } from "./issues.ts";
import { readContentText } from "./read-text.ts";
import { articleFrontMatter, pageFrontMatter, type ArticleFrontMatter, type CategoriesData, type PageFrontMatter } from "./schema.ts";
import { schemaIssues, textIssues, type YamlSource } from "./yaml-source.ts";

export const ARTICLES_DIR = "tin-tuc";
export const PAGES_DIR = "trang";
/** Far above any real article (a long report is ~100 KB), far below what makes a build crawl. */
export const MAX_DOCUMENT_BYTES = 1_000_000;

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
  if (read.text.length > MAX_DOCUMENT_BYTES) return void issues.push(tooLong(read.text, file));
  rawTexts.set(file, read.raw);
  return sourceFromText(read.text, file, sourcePath, schema, issues);
}

/** Split and schema-check the text of one Markdown file (also the editor UI's check before saving). */
export function sourceFromText<S extends z.ZodType>(
  text: string,
  file: string,
  sourcePath: string,
  schema: S,
  issues: ContentIssue[],
): SourceDocument<z.infer<S>> | undefined {
  const split = splitFrontMatter(text, file);
  if ("issue" in split) return void issues.push(split.issue);
  const hidden = textIssues(split.source, file);
  issues.push(...hidden);
  const result = schema.safeParse(split.source.value);
  if (!result.success) return void issues.push(...schemaIssues(result.error, split.source, file));
  if (hidden.some((i) => i.severity === "error")) return;
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

/** The line where a too long document crosses the limit. */
export function tooLong(text: string, file: string): ContentIssue {
  const line = text.slice(0, MAX_DOCUMENT_BYTES).split("\n").length;
  const size = (text.length / 1_000_000).toFixed(1);
  return {
    file,
    line,
    field: "(file)",
    message: `bài dài ${size} triệu ký tự, quá giới hạn ${MAX_DOCUMENT_BYTES / 1_000_000} triệu ký tự (khoảng 150.000 chữ) kể từ dòng này — tách thành nhiều bài, hoặc đưa tài liệu dài thành tệp PDF trong content/media/<năm>/ rồi đặt liên kết tới nó`,
    severity: "error",
  };
}

/** Read and validate every article; category keys are checked against `categories`. */
export async function loadArticles(
  contentDir: string,
  categories: CategoriesData | undefined,
  issues: ContentIssue[],
  rawTexts: RawTexts,
): Promise<SourceArticle[]> {
  const paths = await markdownFiles(join(contentDir, ARTICLES_DIR));
  const docs = paths.map((p) => readSource(p, articleFrontMatter, issues, rawTexts));
  return docs.flatMap((doc) => (doc ? (validateArticle(doc, categories, issues) ?? []) : []));
}

/** The checks an article needs beyond its schema: a real date, a known category, a non-empty slug. */
export function validateArticle(
  doc: SourceDocument<ArticleFrontMatter>,
  categories: CategoriesData | undefined,
  issues: ContentIssue[],
): SourceArticle | undefined {
  const fm = doc.frontMatter;
  let ok = true;
  const date = parseContentDate(fm.date);
  if (!date.ok) {
    issues.push({ file: doc.file, line: doc.lineOf(["date"]), field: "date", message: date.message, severity: "error" });
    ok = false;
  }
  if (categories && !Object.hasOwn(categories, fm.category)) {
    const choices = Object.entries(categories).map(([key, c]) => `${key} (${c.name})`);
    issues.push({
      file: doc.file,
      line: doc.lineOf(["category"]),
      field: "category",
      message: `không có chuyên mục "${fm.category}" — dùng một trong các mã: ${choices.join(", ")}`,
      severity: "error",
    });
    ok = false;
  }
  if (!doc.slug) {
    issues.push({ file: doc.file, line: 1, field: "slug", message: "tên tệp không cho ra địa chỉ nào (không có chữ hay số) — đổi tên tệp, ví dụ trien-khai-nhiem-vu.md", severity: "error" });
    ok = false;
  }
  return ok && date.ok ? { ...doc, date: date.value } : undefined;
}

export async function loadPages(contentDir: string, issues: ContentIssue[], rawTexts: RawTexts): Promise<SourcePage[]> {
  const paths = await markdownFiles(join(contentDir, PAGES_DIR));
  const docs = paths.map((p) => readSource(p, pageFrontMatter, issues, rawTexts));
  return docs.filter((d): d is SourcePage => d !== undefined);
}
