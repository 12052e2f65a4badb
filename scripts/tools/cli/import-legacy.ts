// Import the old site: npm run import -- <saved-site folders, pages or text exports> [--force] [--legacy-url /old.aspx] [--map urls.csv]
import { readFileSync } from "node:fs";
import { stat } from "node:fs/promises";
import { basename, join } from "node:path";
import { parseArgs } from "node:util";
import { contentDir } from "../../build/config.ts";
import { loadDataFile } from "../../build/content/data-files.ts";
import { formatIssue } from "../../build/content/issues.ts";
import { categoriesData } from "../../build/content/schema.ts";
import { detectLegacyEncoding } from "../../build/check/legacy-encoding.ts";
import { loadCategoryAliases } from "../import/categories.ts";
import { importFile } from "../import/import-files.ts";
import { loadLegacyUrlMap } from "../import/legacy-urls.ts";
import { emptyReport, importSavedSite, type ImportReport, type ReportLine } from "../import/saved-site.ts";
import { listFiles } from "../../build/list-files.ts";
import { runCli } from "./run.ts";

const USAGE =
  "cách dùng: npm run import -- <thư mục bản lưu trang cũ, trang .aspx/.html hoặc tệp .txt xuất từ trang cũ> " +
  "[--force] [--legacy-url /i1644-ten-bai.aspx] [--map dia-chi-cu.csv]";

/**
 * Plain-text exports (shared/legacy-export/*.txt) inside a folder: text files with a "(Đăng lúc: …)" line,
 * or in an old encoding (reported), but not a crawler's robots.txt.
 */
async function textExports(dir: string): Promise<string[]> {
  return (await listFiles(dir, [".txt"]))
    .map((f) => join(dir, f))
    .filter((f) => {
      const text = readFileSync(f, "latin1");
      return Buffer.from(text, "latin1").includes("Đăng lúc") || detectLegacyEncoding(text) !== null;
    })
    .sort();
}

const line = (l: ReportLine, tag: string) => `${l.file}${l.line ? `:${l.line}` : ""}: ${tag}${l.message}`;

function printReport(report: ImportReport): void {
  for (const l of report.created) console.log(line(l, "đã tạo "));
  for (const l of report.overwritten) console.log(line(l, "đã ghi lại "));
  for (const l of report.existing) console.log(line(l, ""));
  for (const l of report.skipped) console.log(line(l, "bỏ qua: "));
  for (const l of report.warnings) console.log(line(l, "cảnh báo: "));
  for (const l of report.failed) console.error(line(l, "lỗi: "));
  const reasons = new Map<string, number>();
  for (const s of report.skipped) {
    const reason = s.message.replace(/ lấy từ .*/, "");
    reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  }
  console.log(
    `\nTổng kết: ${report.created.length} bài tạo mới, ${report.overwritten.length} bài ghi lại, ` +
      `${report.existing.length} bài đã có (không đổi), ${report.skipped.length} trang bỏ qua, ` +
      `${report.warnings.length} cảnh báo, ${report.failed.length} lỗi.`,
  );
  if (reasons.size) console.log(`Bỏ qua: ${[...reasons].map(([r, n]) => `${r} (${n})`).join("; ")}.`);
  if (report.failed.length) console.log("Có trang không chuyển được: sửa theo các dòng “lỗi:” ở trên rồi chạy lại (bài đã chuyển không bị ghi lại).");
}

async function main(): Promise<number> {
  let parsedArgs;
  try {
    parsedArgs = parseArgs({
      allowPositionals: true,
      options: { force: { type: "boolean", default: false }, "legacy-url": { type: "string" }, map: { type: "string" } },
    });
  } catch (e) {
    const option = /'([^']+)'/.exec((e as Error).message)?.[1];
    console.error(`${option ? `Không có tùy chọn “${option}”.` : "Tùy chọn không đúng."}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsedArgs;
  if (positionals.length === 0) {
    console.error(USAGE);
    return 2;
  }
  const inputs: { path: string; isDir: boolean }[] = [];
  for (const path of positionals) {
    const info = await stat(path).catch(() => null);
    if (!info) console.error(`${path}: không có tệp hay thư mục này — kiểm tra lại đường dẫn (chạy lệnh trong thư mục của trang, ví dụ npm run import -- ../ban-luu-trang-cu).`);
    else inputs.push({ path, isDir: info.isDirectory() });
  }
  if (inputs.length < positionals.length) return 1;

  const exports = [
    ...inputs.filter((i) => !i.isDir && i.path.endsWith(".txt")).map((i) => i.path),
    ...(await Promise.all(inputs.filter((i) => i.isDir).map((i) => textExports(i.path)))).flat(),
  ];
  const pages = inputs.filter((i) => i.isDir || !i.path.endsWith(".txt"));
  const legacyUrls = values.map ? await loadLegacyUrlMap(values.map) : new Map<string, string[]>();
  if (values["legacy-url"]) {
    if (exports.length !== 1) {
      console.error(`--legacy-url ghi một địa chỉ cũ cho một tệp .txt, nhưng có ${exports.length} tệp — dùng --map cho nhiều tệp (trang HTML tự lấy địa chỉ cũ).`);
      return 2;
    }
    legacyUrls.set(basename(exports[0]!), [values["legacy-url"]]);
  }
  const categories = await loadDataFile(contentDir, "categories.yaml", categoriesData);
  if (!categories.value) {
    for (const issue of categories.issues) console.error(formatIssue(issue));
    return 1;
  }
  const base = { contentDir, categories: categories.value, aliases: await loadCategoryAliases(), force: values.force };
  const report = pages.length
    ? await importSavedSite(pages, { ...base, progress: (m) => console.error(m) })
    : emptyReport();
  for (const file of exports) await importFile(file, { ...base, legacyUrls }, report);
  printReport(report);
  return report.failed.length ? 1 : 0;
}

runCli(main, { prefix: "Không chuyển được" });
