// `npm start`'s background pass, in its own low-priority process so that it never delays a page:
// the whole tree's checks (as `npm run check`: links, duplicates, lengths, images, encodings), then,
// when they pass, the search index, written to a fresh folder and swapped in (never half-written).
// Prints error lines (`path:line: field: message`) on stderr and exits 1 when there are errors.
import { validateContent } from "../../build/check/validate.ts";
import { contentDir, outputDir } from "../../build/config.ts";
import { formatIssue } from "../../build/content/issues.ts";
import { buildSearchIndex } from "../../build/search/build-index.ts";
import { searchDocuments } from "../../build/search/from-model.ts";

const { model, issues } = await validateContent({ contentDir, preview: true, lenient: true });
const errors = issues.filter((i) => i.severity === "error");
if (errors.length || !model) {
  for (const issue of errors) console.error(formatIssue(issue));
  process.exit(1);
}
process.stdout.write("checked\n");
const { pages, indexMs, fromCache } = await buildSearchIndex(searchDocuments(model), outputDir, { background: true });
console.log(`[dev] search index: ${pages} pages in ${indexMs} ms${fromCache ? " (unchanged: from .cache/search)" : ""}`);
