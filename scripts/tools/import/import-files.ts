import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { detectLegacyEncoding } from "../../build/check/legacy-encoding.ts";
import { ARTICLES_DIR } from "../../build/content/load-documents.ts";
import { decodeUtf8 } from "../../build/content/read-text.ts";
import type { CategoriesData } from "../../build/content/schema.ts";
import { slugify } from "../../build/model/slug.ts";
import { resolveCategory } from "./categories.ts";
import { legacyUrlsFor } from "./legacy-urls.ts";
import { parseLegacyExport } from "./parse-export.ts";
import { ensurePlaceholder } from "./placeholder.ts";
import { shown, type ImportReport } from "./saved-site.ts";
import { toMarkdown } from "./to-markdown.ts";

export interface ImportOptions {
  contentDir: string;
  categories: CategoriesData;
  aliases: Record<string, string>;
  legacyUrls: ReadonlyMap<string, string[]>;
  force: boolean;
}

/** Imports one plain-text page export (shared/legacy-export/*.txt) into the report. */
export async function importFile(source: string, options: ImportOptions, report: ImportReport): Promise<void> {
  const file = shown(source);
  const fail = (message: string, line?: number) => report.failed.push({ file, ...(line ? { line } : {}), message });
  const decoded = decodeUtf8(await readFile(source));
  if ("badLine" in decoded) {
    return void fail("tệp không lưu bằng UTF-8 — mở tệp bằng Notepad, chọn Lưu thành… với bảng mã UTF-8 rồi chạy lại", decoded.badLine);
  }
  const { text } = decoded;
  const encoding = detectLegacyEncoding(text);
  if (encoding) {
    const source = encoding === "TCVN3" ? "TCVN3 (ABC)" : "VNI Windows";
    return void fail(`chữ trong tệp gõ bằng bảng mã cũ ${encoding} — tệp không được chuyển; hãy chuyển bằng UniKey (Công cụ… → nguồn ${source}, đích Unicode), lưu lại bằng UTF-8 rồi chạy lại`);
  }
  const parsed = parseLegacyExport(text);
  if (!parsed.ok) return void fail(parsed.message, parsed.line);
  const { article } = parsed;
  const category = resolveCategory(article.breadcrumb, options.categories, options.aliases);
  if (!category) {
    const keys = Object.entries(options.categories).map(([key, c]) => `${c.name} (${key})`).join(", ");
    return void fail(
      `chuyên mục “${article.breadcrumb.join(" >> ")}” không có trên trang mới — thêm một dòng "${article.breadcrumb.at(-1)}": <mã> ` +
        `vào scripts/tools/import/legacy-categories.yaml rồi chạy lại; các chuyên mục: ${keys}`,
      1,
    );
  }
  const slug = slugify(article.title);
  if (!slug) return void fail(`tiêu đề “${article.title}” không có chữ hay số để đặt tên tệp`);
  const target = join(options.contentDir, ARTICLES_DIR, String(article.date.year), `${slug}.md`);
  const exists = existsSync(target);
  if (exists && !options.force) {
    report.existing.push({ file: shown(target), message: `đã có (từ ${file}); thêm --force để ghi lại` });
    return;
  }
  if (article.blocks.some((b) => b.kind === "figure")) await ensurePlaceholder(options.contentDir);
  await mkdir(join(target, ".."), { recursive: true });
  await writeFile(target, toMarkdown({ article, category, legacyUrls: legacyUrlsFor(options.legacyUrls, source) }));
  (exists ? report.overwritten : report.created).push({ file: shown(target), message: `từ ${file}` });
}
