// `npm run build` runs this first (prebuild): counter.yaml's base_total goes into
// widgets/counter/base-total.ts before Netlify bundles netlify/functions/visits.ts.
import { contentDir } from "../../scripts/build/config.ts";
import { formatIssue } from "../../scripts/build/content/issues.ts";
import { writeBaseTotalModule } from "./data.ts";

const { changed, issues } = await writeBaseTotalModule(contentDir);
for (const issue of issues) console.error(formatIssue(issue));
if (issues.length > 0) process.exitCode = 1;
else if (changed) console.log("widgets/counter/base-total.ts: updated from counter.yaml");
