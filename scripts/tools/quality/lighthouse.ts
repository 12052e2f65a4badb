import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { launch } from "chrome-launcher";
import lighthouse from "lighthouse";
import type { Result } from "lighthouse";
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from "./browser.ts";
import { isMain, runCli, siteRoot } from "./cli.ts";
import { GATE_PAGES } from "./pages.ts";
import { startPreviewServer } from "../preview-server.ts";
import { functionsMiddleware } from "../dev/functions-middleware.ts";

const LIGHTHOUSE_CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
export type Category = (typeof LIGHTHOUSE_CATEGORIES)[number];

export interface LighthouseScores {
  path: string;
  /** 0–100 per category. */
  scores: Record<Category, number>;
  /** Audits that lost points, for the report: "id (score)". */
  failing: string[];
}

const RUNS_PER_PAGE = 5;

/** The minimum score every category must reach on the home page and an article. */
const LIGHTHOUSE_MIN_SCORE = 95;

/**
 * Lighthouse (mobile, its default simulated throttling) on each path of the site at `baseUrl`,
 * in Debian's Chromium, five runs each, scored on the run with the median performance score.
 * Scores only: times vary from run to run and are never asserted.
 * With `reportDir`, each full JSON report is written there.
 */
export async function runLighthouse(options: {
  baseUrl: string;
  paths: string[];
  reportDir?: string;
}): Promise<LighthouseScores[]> {
  const chrome = await launch({ chromePath: CHROMIUM_PATH, chromeFlags: CHROMIUM_FLAGS, logLevel: "error" });
  const results: LighthouseScores[] = [];
  try {
    for (const path of options.paths) {
      // Blocking time varies from run to run on a small machine: the median of five runs, as Lighthouse's docs advise
      // (three gave 95–98 for the same article page here, on a bar of 95).
      const runs: Result[] = [];
      for (let i = 0; i < RUNS_PER_PAGE; i++) {
        const run = await lighthouse(options.baseUrl + path, {
          port: chrome.port,
          output: "json",
          logLevel: "error",
          onlyCategories: [...LIGHTHOUSE_CATEGORIES],
        });
        if (run === undefined) throw new Error(`lighthouse returned nothing for ${path}`);
        if (run.lhr.runtimeError !== undefined) throw new Error(`lighthouse on ${path}: ${run.lhr.runtimeError.message}`);
        runs.push(run.lhr);
      }
      const performance = (r: Result) => r.categories.performance?.score ?? 0;
      const lhr = runs.sort((a, b) => performance(a) - performance(b))[Math.floor(runs.length / 2)]!;
      const scores = Object.fromEntries(
        LIGHTHOUSE_CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)]),
      ) as Record<Category, number>;
      const failing = Object.values(lhr.audits)
        .filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== "informative")
        .map((a) => `${a.id} (${a.score})`);
      results.push({ path, scores, failing });
      if (options.reportDir !== undefined) {
        await mkdir(options.reportDir, { recursive: true });
        const name = path.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "") || "home";
        await writeFile(join(options.reportDir, `${name}.json`), JSON.stringify(lhr));
      }
    }
  } finally {
    chrome.kill();
  }
  return results;
}

/** A line per page and, below the minimum, what pulled the score down. */
export function formatLighthouse(results: LighthouseScores[], min = LIGHTHOUSE_MIN_SCORE): string {
  return results
    .map((r) => {
      const scores = LIGHTHOUSE_CATEGORIES.map((c) => `${c} ${r.scores[c]}`).join(", ");
      const low = LIGHTHOUSE_CATEGORIES.some((c) => r.scores[c] < min);
      return `${r.path}: ${scores}${low ? `\n  failing audits: ${r.failing.join(", ")}` : ""}`;
    })
    .join("\n");
}

export function belowMinimum(results: LighthouseScores[], min = LIGHTHOUSE_MIN_SCORE): string[] {
  return results.flatMap((r) =>
    LIGHTHOUSE_CATEGORIES.filter((c) => r.scores[c] < min).map((c) => `${r.path}: ${c} ${r.scores[c]} < ${min}`),
  );
}

if (isMain(import.meta.url)) {
  runCli(async () => {
    const { positionals, values } = parseArgs({
      allowPositionals: true,
      options: { page: { type: "string", multiple: true }, "report-dir": { type: "string" } },
    });
    const root = siteRoot(positionals);
    const paths = values.page ?? GATE_PAGES.filter((p) => p.name === "home" || p.name === "article").map((p) => p.path);
    const server = await startPreviewServer({ root, functions: functionsMiddleware });
    try {
      const results = await runLighthouse({ baseUrl: server.url, paths, reportDir: values["report-dir"] });
      console.log(formatLighthouse(results));
      const low = belowMinimum(results);
      if (low.length > 0) console.error(low.join("\n"));
      return low.length === 0 ? 0 : 1;
    } finally {
      await server.close();
      await functionsMiddleware.close();
    }
  });
}
