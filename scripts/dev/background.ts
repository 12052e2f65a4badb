// `npm start`'s background pass, in its own low-priority process so that it never delays a page:
// the whole tree's checks (as `npm run check`: links, duplicates, lengths, images, encodings), then,
// when they pass, the search index, written to a fresh folder and swapped in (never half-written).
// Prints error lines (`path:line: field: message`) on stderr and exits 1 when there are errors.
import { editorialChecks } from "../check/run-checks.ts";
import { contentDir, outputDir } from "../config.ts";
import { formatIssue, sortIssues } from "../content/issues.ts";
import { loadSite } from "../content/load-site.ts";
import { buildSearchIndex } from "../search/build-index.ts";
import { searchDocuments } from "../search/from-model.ts";

const { model, issues, rawTexts } = await loadSite({ contentDir, preview: true });
const errors = sortIssues([...issues, ...(await editorialChecks(contentDir, model, rawTexts))]).filter((i) => i.severity === "error");
if (errors.length || !model) {
  for (const issue of errors) console.error(formatIssue(issue));
  process.exit(1);
}
process.stdout.write("checked\n");
const { pages, indexMs } = await buildSearchIndex(searchDocuments(model), outputDir, true);
console.log(`[dev] search index: ${pages} pages in ${indexMs} ms`);
