// Production build: validate everything first; on any error print them all and write nothing.
// The site is built beside the output folder and swapped in only when every stage succeeded.
process.env.ELEVENTY_RUN_MODE ??= "build";
import Eleventy from "@11ty/eleventy";
import { startSearchIndex } from "../../build/after-build.ts";
import { preloadBuildContext, type BuildContext } from "../../build/build-context.ts";
import { cmsRepository, CmsRepositoryError } from "../../build/admin/github-repo.ts";
import { fileURLToPath } from "node:url";
import { contentDir, outputDir, siteDir, writeOutputTo } from "../../build/config.ts";
import { ContentError, formatIssue } from "../../build/content/issues.ts";
import { writeHeaders } from "../../build/publish/headers.ts";
import { siteDirProblem, stageOutput } from "../../build/publish/staged-output.ts";
import { runCli } from "./run.ts";

async function build(): Promise<number> {
  let context: BuildContext;
  try {
    context = await preloadBuildContext();
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    for (const issue of error.issues) console.error(formatIssue(issue));
    const count = error.issues.filter((i) => i.severity === "error").length;
    console.error(`\nDừng đăng trang: nội dung có ${count} lỗi. Không có gì được ghi vào ${siteDir}. Sửa các dòng trên rồi chạy lại.`);
    return 1;
  }
  startSearchIndex(context, outputDir);
  const eleventy = new Eleventy(undefined, undefined, { configPath: ".eleventy.ts", quietMode: true });
  await eleventy.write().catch(async (error: unknown) => {
    // The index worker still writes into the staging folder: once discarded, it would be made again.
    await context.searchIndex?.catch(() => {});
    throw error;
  });
  // Last: the header rules are made from the finished output's folders.
  await writeHeaders(outputDir);
  const pages = context.model.articles.length + context.model.pages.length + context.model.listings.length;
  // This process alone (worker threads included; not Pagefind's own process): the bench shows both.
  context.stats.report({ pages, processPeakMB: Math.round(process.resourceUsage().maxRSS / 1024) });
  console.log(`Built ${pages} pages into ${siteDir}.`);
  return 0;
}

async function main(): Promise<number> {
  const folder = siteDirProblem(siteDir, contentDir, fileURLToPath(new URL("../../..", import.meta.url)));
  if (folder) {
    console.error(`${folder}\nKhông ghi gì cả.`);
    return 1;
  }
  try {
    cmsRepository();
  } catch (error) {
    if (!(error instanceof CmsRepositoryError)) throw error;
    console.error(`${error.message}\nKhông ghi gì vào ${siteDir}.`);
    return 1;
  }
  const staged = await stageOutput(siteDir, {
    onWait: ({ pid }) => console.log(`Đang chờ bản dựng khác (PID ${pid}) ghi xong vào ${siteDir}…`),
    onStale: ({ pid }) => console.log(`Bản dựng trước (PID ${pid}) đã dừng giữa chừng; bỏ phần nó ghi dở, ${siteDir} vẫn nguyên.`),
  });
  writeOutputTo(staged.dir);
  let status: number;
  try {
    status = await build();
  } catch (error) {
    await staged.discard();
    throw error;
  }
  await (status === 0 ? staged.commit() : staged.discard());
  return status;
}

runCli(main, { prefix: "Dừng đăng trang" });
