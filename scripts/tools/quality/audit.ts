// npm run audit [-- --no-build]: every quality gate on the production build of content/, Lighthouse included
// (too slow for npm test). Exit 1 when any gate fails; each gate prints what failed.
import { execFileSync } from "node:child_process";
import { parseArgs } from "node:util";
import { checkAccessibility, formatA11yProblems } from "./axe.ts";
import { runCli, siteRoot } from "./cli.ts";
import { belowMinimum, formatLighthouse, runLighthouse } from "./lighthouse.ts";
import { checkLinks, formatBrokenLinks } from "./links.ts";
import { formatPageWeight, PAGE_WEIGHT_BUDGET, pageWeight } from "./page-weight.ts";
import { GATE_PAGES } from "./pages.ts";
import { startPreviewServer } from "../preview-server.ts";
import { functionsMiddleware } from "../dev/functions-middleware.ts";
import { formatVnuMessages, validateHtml } from "./vnu.ts";

type Gate = [name: string, run: () => Promise<string>];

function pathOf(name: string): string {
  const page = GATE_PAGES.find((p) => p.name === name);
  if (page === undefined) throw new Error(`no gate page named ${name}`);
  return page.path;
}

function gates(root: string, baseUrl: string): Gate[] {
  return [
    ["html (vnu)", async () => formatVnuMessages((await validateHtml([root])).errors, root)],
    ["links", async () => formatBrokenLinks(await checkLinks(root))],
    [
      "page weight",
      async () => {
        const weight = await pageWeight(root, pathOf("article"));
        console.log(formatPageWeight(weight));
        return weight.gzipTotal > PAGE_WEIGHT_BUDGET ? `over the budget of ${PAGE_WEIGHT_BUDGET} B` : "";
      },
    ],
    ["accessibility (axe + keyboard)", async () => formatA11yProblems(await checkAccessibility({ baseUrl }))],
    [
      "lighthouse (mobile)",
      async () => {
        const results = await runLighthouse({
          baseUrl,
          paths: [pathOf("home"), pathOf("article")],
          reportDir: ".tmp/lighthouse",
        });
        console.log(formatLighthouse(results));
        return belowMinimum(results).join("\n");
      },
    ],
  ];
}

runCli(async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { "no-build": { type: "boolean", default: false } },
  });
  const root = siteRoot(positionals);
  if (!values["no-build"]) {
    execFileSync("node_modules/.bin/tsx", ["scripts/tools/cli/build.ts"], {
      stdio: "inherit",
      env: { ...process.env, OUTPUT_DIR: root },
    });
  }
  const server = await startPreviewServer({ root, functions: functionsMiddleware });
  const all = gates(root, server.url);
  const failed: string[] = [];
  try {
    for (const [name, run] of all) {
      console.log(`\n== ${name}`);
      // A gate that cannot run has failed; the others still run.
      const problems = await run().catch((error: Error) => error.message);
      if (problems === "") {
        console.log("ok");
      } else {
        console.error(problems);
        failed.push(name);
      }
    }
  } finally {
    await server.close();
    await functionsMiddleware.close();
  }
  console.log(`\naudit: ${all.length - failed.length} passed, ${failed.length} failed${failed.length ? ` (${failed.join(", ")})` : ""}`);
  return failed.length === 0 ? 0 : 1;
});
