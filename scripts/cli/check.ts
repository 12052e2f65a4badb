// Validate the content only: fast, writes nothing, exit 1 on any error. `--fix-nfc` first rewrites NFD files in NFC.
import { contentDir } from "../config.ts";
import { formatIssue, sortIssues } from "../content/issues.ts";
import { loadSite } from "../content/load-site.ts";
import { editorialChecks, fixNfd } from "../check/run-checks.ts";

if (process.argv.includes("--fix-nfc")) for (const file of await fixNfd(contentDir)) console.log(`rewritten in NFC: ${file}`);
const { model, issues: loadIssues, rawTexts } = await loadSite({ contentDir, preview: true });
const issues = sortIssues([...loadIssues, ...(await editorialChecks(contentDir, model, rawTexts))]);
// Warnings go to stdout: stderr holds only what stops a build.
for (const issue of issues) console[issue.severity === "error" ? "error" : "log"](formatIssue(issue));
const errors = issues.filter((i) => i.severity === "error").length;
const warnings = issues.length - errors;
if (model && !errors) console.log(`OK: ${model.articles.length} articles, ${model.pages.length} pages checked${warnings ? `, ${warnings} warning(s)` : ""}.`);
else console.error(`\n${errors} error(s), ${warnings} warning(s). Fix the lines above and run \`npm run check\` again.`);
process.exitCode = errors ? 1 : 0;
