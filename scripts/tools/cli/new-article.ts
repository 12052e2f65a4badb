// Start a new article: npm run new -- "Tiêu đề bài viết" --category lien-hiep-hoi [--author BH]
import { existsSync, statSync } from "node:fs";
import { stdin, stdout } from "node:process";
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { contentDir } from "../../build/config.ts";
import { loadDataFile } from "../../build/content/data-files.ts";
import { formatIssue } from "../../build/content/issues.ts";
import { categoriesData, type CategoriesData } from "../../build/content/schema.ts";
import { nowInVietnam } from "../../build/model/dates.ts";
import { categoryChoices } from "../../build/model/categories.ts";
import { createArticle } from "../import/new-article.ts";
import { runCli } from "./run.ts";

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { category: { type: "string" }, author: { type: "string" } },
  });
  if (!existsSync(contentDir) || !statSync(contentDir).isDirectory()) {
    console.error(`Không có thư mục nội dung ${contentDir} — chạy lệnh trong thư mục của dự án (nơi có thư mục content/), hoặc sửa CONTENT_DIR.`);
    return 1;
  }
  const categories = await loadDataFile(contentDir, "categories.yaml", categoriesData);
  if (!categories.value) {
    for (const issue of categories.issues) console.error(formatIssue(issue));
    return 1;
  }
  let title = positionals.join(" ").trim();
  let category = values.category;
  const ask = stdin.isTTY ? createInterface({ input: stdin, output: stdout }) : undefined;
  try {
    if (!title && ask) title = (await ask.question("Tiêu đề bài viết: ")).trim();
    if (!category && ask) category = await askCategory(ask, categories.value);
  } finally {
    ask?.close();
  }
  if (!title || !category) {
    console.error('Cách dùng: npm run new -- "Tiêu đề bài viết" --category <key> [--author BH]');
    console.error(`Các chuyên mục (<key>): ${categoryChoices(categories.value).map((c) => `${c.key} (${c.label})`).join(", ")}`);
    return 2;
  }
  const result = await createArticle({ contentDir, categories: categories.value, title, category, author: values.author, now: nowInVietnam() });
  if (!result.ok) {
    console.error(result.message);
    return 1;
  }
  console.log(`Đã tạo bài viết: ${result.file}`);
  console.log(`Địa chỉ khi đăng: ${result.url}`);
  return 0;
}

async function askCategory(ask: ReturnType<typeof createInterface>, categories: CategoriesData): Promise<string | undefined> {
  const choices = categoryChoices(categories);
  choices.forEach((c, i) => console.log(`${String(i + 1).padStart(2)}. ${c.label}`));
  const answer = (await ask.question("Chọn chuyên mục (số): ")).trim();
  return choices[Number(answer) - 1]?.key ?? (categories[answer] ? answer : undefined);
}

// Any other failure (a read-only folder, a full disk) is one sentence, never a stack trace.
runCli(main, { prefix: "Không tạo được bài viết" });
