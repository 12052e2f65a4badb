// Validate the content only: fast, writes nothing, exit 1 on any error.
import { contentDir } from "../config.ts";
import { formatIssue } from "../content/issues.ts";
import { loadSite } from "../content/load-site.ts";

const { model, issues } = await loadSite({ contentDir, preview: true });
for (const issue of issues) console[issue.severity === "error" ? "error" : "warn"](formatIssue(issue));
const errors = issues.filter((i) => i.severity === "error").length;
const warnings = issues.length - errors;
if (model) console.log(`OK: ${model.articles.length} articles, ${model.pages.length} pages checked${warnings ? `, ${warnings} warning(s)` : ""}.`);
else console.error(`\n${errors} error(s), ${warnings} warning(s). Fix the lines above and run \`npm run check\` again.`);
process.exitCode = errors ? 1 : 0;
