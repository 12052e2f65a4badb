// Validate the content only: fast, writes nothing, exit 1 on any error. `--fix-nfc` first rewrites NFD files in NFC.
import { contentDir } from "../../build/config.ts";
import { formatIssue } from "../../build/content/issues.ts";
import { fixNfd, validateContent } from "../../build/check/validate.ts";
import { runCli } from "./run.ts";

async function main(): Promise<number> {
  if (process.argv.includes("--fix-nfc")) for (const file of await fixNfd(contentDir)) console.log(`đã ghi lại ở dạng NFC: ${file}`);
  // Drafts and future articles are checked too, with the production build's rules.
  const { model, issues } = await validateContent({ contentDir, preview: true });
  // Warnings go to stdout: stderr holds only what stops a build.
  for (const issue of issues) console[issue.severity === "error" ? "error" : "log"](formatIssue(issue));
  const errors = issues.filter((i) => i.severity === "error").length;
  const warnings = issues.length - errors;
  if (model && !errors) {
    console.log(`Không có lỗi: đã kiểm tra ${model.articles.length} bài và ${model.pages.length} trang${warnings ? `, ${warnings} cảnh báo` : ""}.`);
  } else {
    console.error(`\n${errors} lỗi, ${warnings} cảnh báo. Sửa các dòng trên rồi chạy lại \`npm run check\`.`);
  }
  return errors ? 1 : 0;
}

runCli(main, { prefix: "Không kiểm tra được" });
