// Import pages exported from the old site: npm run import -- <files or folders> [--force] [--legacy-url /old.aspx] [--map urls.csv]
import { parseArgs } from "node:util";
import { contentDir } from "../config.ts";
import { loadDataFile } from "../content/data-files.ts";
import { formatIssue } from "../content/issues.ts";
import { categoriesData } from "../content/schema.ts";
import { loadCategoryAliases } from "../import/categories.ts";
import { exportFiles, importFile, type ImportOutcome } from "../import/import-files.ts";
import { loadLegacyUrlMap } from "../import/legacy-urls.ts";

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { force: { type: "boolean", default: false }, "legacy-url": { type: "string" }, map: { type: "string" } },
  });
  if (positionals.length === 0) {
    console.error("usage: npm run import -- <export files or folders> [--force] [--legacy-url /old-page.aspx] [--map urls.csv|urls.yaml]");
    return 2;
  }
  const files = await exportFiles(positionals);
  const legacyUrls = values.map ? await loadLegacyUrlMap(values.map) : new Map<string, string[]>();
  if (values["legacy-url"]) {
    if (files.length !== 1) {
      console.error(`--legacy-url gives one old address, but ${files.length} files were named — use --map for several files`);
      return 2;
    }
    legacyUrls.set(files[0]!.split("/").pop()!, [values["legacy-url"]]);
  }
  const categories = await loadDataFile(contentDir, "categories.yaml", categoriesData);
  if (!categories.value) {
    for (const issue of categories.issues) console.error(formatIssue(issue));
    return 1;
  }
  const options = { contentDir, categories: categories.value, aliases: await loadCategoryAliases(), legacyUrls, force: values.force };
  const outcomes: ImportOutcome[] = [];
  for (const file of files) {
    const outcome = await importFile(file, options);
    outcomes.push(outcome);
    const detail = [outcome.target, outcome.message].filter(Boolean).join(": ");
    (outcome.status === "failed" ? console.error : console.log)(`${outcome.status.padEnd(11)} ${outcome.source}${detail ? ` → ${detail}` : ""}`);
  }
  const count = (status: ImportOutcome["status"]) => outcomes.filter((o) => o.status === status).length;
  console.log(
    `\n${count("created")} created, ${count("overwritten")} overwritten, ${count("skipped")} skipped, ${count("failed")} failed.`,
  );
  return count("failed") ? 1 : 0;
}

process.exitCode = await main();
