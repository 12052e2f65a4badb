import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import type { DateTime } from "luxon";
import { stringify } from "yaml";
import { ARTICLES_DIR } from "../../build/content/load-documents.ts";
import type { CategoriesData } from "../../build/content/schema.ts";
import { articleUrl } from "../../build/urls.ts";
import { toIso, ZONE } from "../../build/model/dates.ts";
import { slugify } from "../../build/model/slug.ts";

/** Categories in tree order, labelled with their breadcrumb ("Tin hoạt động › Liên hiệp Hội"). */
export interface NewArticle {
  contentDir: string;
  categories: CategoriesData;
  title: string;
  category: string;
  author?: string;
  now: DateTime;
}

export type NewArticleResult = { ok: true; file: string; url: string } | { ok: false; message: string };

/** Writes `tin-tuc/<year>/<slug>.md` with valid front matter; never overwrites. */
export async function createArticle(input: NewArticle): Promise<NewArticleResult> {
  const now = input.now.setZone(ZONE).startOf("second");
  const title = input.title.normalize("NFC").replace(/\s+/g, " ").trim();
  if (!input.categories[input.category]) {
    const choices = Object.entries(input.categories).map(([key, c]) => `${key} (${c.name})`);
    return { ok: false, message: `không có chuyên mục "${input.category}" — dùng một trong các mã: ${choices.join(", ")}` };
  }
  const slug = slugify(title);
  if (!slug) return { ok: false, message: `tiêu đề "${title}" không có chữ hay số nào để làm địa chỉ bài — viết lại tiêu đề` };
  const path = join(input.contentDir, ARTICLES_DIR, now.toFormat("yyyy"), `${slug}.md`);
  const file = relative(process.cwd(), path);
  if (existsSync(path)) {
    return { ok: false, message: `${file} đã có — mở tệp đó để viết tiếp, hoặc chọn một tiêu đề khác` };
  }
  const fm: Record<string, string> = { title, date: toIso(now), category: input.category };
  if (input.author?.trim()) fm.author = input.author.trim();
  await mkdir(join(path, ".."), { recursive: true });
  await writeFile(path, `---\n${stringify(fm, { lineWidth: 0 })}---\n\n`, { flag: "wx" });
  return { ok: true, file, url: articleUrl(now, slug) };
}
