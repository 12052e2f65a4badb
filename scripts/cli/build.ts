// Production build: validate everything first; on any error print them all and write nothing.
process.env.ELEVENTY_RUN_MODE ??= "build";
import { rm } from "node:fs/promises";
import Eleventy from "@11ty/eleventy";
import { startSearchIndex } from "../after-build.ts";
import { preloadBuildContext, type BuildContext } from "../build-context.ts";
import { reportStats } from "../build-stats.ts";
import { outputDir } from "../config.ts";
import { ContentError, formatIssue } from "../content/issues.ts";

async function main(): Promise<number> {
  let context: BuildContext;
  try {
    context = await preloadBuildContext();
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    for (const issue of error.issues) console.error(formatIssue(issue));
    const count = error.issues.filter((i) => i.severity === "error").length;
    console.error(`\nDừng đăng trang: nội dung có ${count} lỗi. Không có gì được ghi vào ${outputDir}. Sửa các dòng trên rồi chạy lại.`);
    return 1;
  }
  // A clean output directory, so that a deleted article never lingers on the site.
  await rm(outputDir, { recursive: true, force: true });
  startSearchIndex(context, outputDir);
  const eleventy = new Eleventy(undefined, undefined, { configPath: ".eleventy.ts", quietMode: true });
  await eleventy.write();
  const pages = context.model.articles.length + context.model.pages.length + context.model.listings.length;
  reportStats({ pages });
  console.log(`Built ${pages} pages into ${outputDir}.`);
  return 0;
}

process.exitCode = await main();
