// npm run bench -- --articles 1000,4000 [--dev-loop N|0] [--runs R] [--hugo] [--out bench-results] [--work DIR]
// Builds fixture sites of each size and reports build time, stage times, peak memory, pages written and
// the ratio to the floor (scripts/tools/bench/floor.ts) measured in the same run; with --hugo, the peer too:
// Debian's Hugo then the Pagefind CLI over Hugo's output, on the same tree, right after our build, with
// our time ÷ peer time and both peaks. Then the dev loop (edit, create, delete, a layout change → served) on the site of
// N articles (default: the largest size). Writes bench-results/bench.json.
// Times are reported, never asserted.
import { execFile } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs, promisify } from "node:util";
import { runCli } from "../quality/cli.ts";
import { listFiles } from "../../build/list-files.ts";
import { measureDevLoop, type DevLoopResult } from "./dev-loop.ts";
import { runHugoAndPagefind, type PeerResult } from "./hugo.ts";
import { runMeasured, statsLines } from "./measure.ts";

const run = promisify(execFile);
const tsx = resolve("node_modules/.bin/tsx");

interface RunStats {
  wallMs: number;
  /** The program's own total (BUILD_STATS / FLOOR_STATS totalMs), without process start-up. */
  totalMs: number | null;
  stages: Record<string, number>;
  /** The largest process of the run: for a build, its own or the Pagefind CLI's it starts. */
  peakRssMB: number;
  /** The build's own process (BUILD_STATS processPeakMB), without the Pagefind CLI. */
  processPeakMB: number | null;
  pages: number | null;
}

interface SizeResult {
  articles: number;
  build: RunStats & { htmlFilesWritten: number };
  floor: RunStats;
  /** build wall time / floor wall time. */
  ratio: number;
  peer: PeerResult | null;
  /** build wall time / peer (Hugo + Pagefind CLI) wall time. */
  peerRatio: number | null;
}

async function measure(args: string[], env: NodeJS.ProcessEnv, prefix: string): Promise<RunStats> {
  const result = await runMeasured(tsx, args, env);
  const stats = statsLines(prefix, result.stdout);
  return {
    wallMs: result.wallMs,
    totalMs: typeof stats.totalMs === "number" ? stats.totalMs : null,
    stages: (stats.stages as Record<string, number> | undefined) ?? {},
    peakRssMB: Math.round(result.maxRssBytes / 2 ** 20),
    processPeakMB: typeof stats.processPeakMB === "number" ? stats.processPeakMB : null,
    pages: typeof stats.pages === "number" ? stats.pages : null,
  };
}

async function benchSize(articles: number, dir: string, seed: string, hugo: boolean): Promise<SizeResult> {
  const content = join(dir, "content");
  console.error(`[bench] ${articles} articles: generating fixtures in ${content}`);
  await run(tsx, ["scripts/tools/cli/fixtures.ts", "--articles", String(articles), "--out", content, "--seed", seed]);
  console.error(`[bench] ${articles} articles: production build`);
  const output = join(dir, "_site");
  // A cold index, as the peer's: the same fixture seed would otherwise copy the bundle a previous run kept.
  const build = await measure(["scripts/tools/cli/build.ts"], { CONTENT_DIR: content, OUTPUT_DIR: output, BUILD_STATS: "1", SEARCH_INDEX_CACHE: "off" }, "BUILD_STATS");
  const htmlFilesWritten = (await listFiles(output, [".html"])).length;
  console.error(`[bench] ${articles} articles: floor`);
  const floor = await measure(["scripts/tools/bench/floor.ts", "--content", content, "--out", join(dir, "floor")], {}, "FLOOR_STATS");
  const ratio = Math.round((build.wallMs / floor.wallMs) * 100) / 100;
  if (hugo) console.error(`[bench] ${articles} articles: Hugo + Pagefind CLI`);
  const peer = hugo ? await runHugoAndPagefind(content, dir) : null;
  const peerRatio = peer ? Math.round((build.wallMs / peer.wallMs) * 100) / 100 : null;
  return { articles, build: { ...build, htmlFilesWritten }, floor, ratio, peer, peerRatio };
}

const seconds = (ms: number | null): string => (ms === null ? "–" : (ms / 1000).toFixed(2));

function table(results: SizeResult[], devLoop: (DevLoopResult & { articles: number }) | null): string {
  const stageNames = [...new Set(results.flatMap((r) => Object.keys(r.build.stages)))];
  const header = [
    "articles", "build s", "floor s", "ratio", ...stageNames.map((s) => `${s} s`), "peak MB", "node MB", "floor MB", "html files",
    "hugo s", "pagefind s", "peer s", "÷ peer", "peer MB",
  ];
  const rows = results.map((r) => [
    String(r.articles),
    seconds(r.build.wallMs),
    seconds(r.floor.wallMs),
    `${r.ratio}×`,
    ...stageNames.map((s) => seconds(r.build.stages[s] ?? null)),
    String(r.build.peakRssMB),
    r.build.processPeakMB === null ? "–" : String(r.build.processPeakMB),
    String(r.floor.peakRssMB),
    String(r.build.htmlFilesWritten),
    seconds(r.peer?.hugoMs ?? null),
    seconds(r.peer?.pagefindMs ?? null),
    seconds(r.peer?.wallMs ?? null),
    r.peerRatio === null ? "–" : `${r.peerRatio}×`,
    r.peer ? String(r.peer.peakRssMB) : "–",
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padStart(widths[i]!)).join("  ");
  const lines = [line(header), ...rows.map(line)];
  if (devLoop !== null) {
    const row = (what: string, t: DevLoopResult["edit"]) => `  ${what}: median ${t.medianMs} ms, max ${t.maxMs} ms (${t.runsMs.join(", ")})`;
    lines.push(
      "",
      `dev loop (${devLoop.articles} articles, npm start; served over HTTP; start-up ${seconds(devLoop.startupMs)} s):`,
      row("edit an article → page served with the edit", devLoop.edit),
      row("new article → served and listed on home", devLoop.create),
      row("delete an article → 404 and gone from home", devLoop.remove),
      row("a layout saved → page served with the change", devLoop.layout),
    );
  }
  return lines.join("\n");
}

runCli(async () => {
  const { values } = parseArgs({
    options: {
      articles: { type: "string", default: "1000,4000" },
      "dev-loop": { type: "string" },
      runs: { type: "string", default: "5" },
      out: { type: "string", default: "bench-results" },
      // Outside the repository: Eleventy does not watch git-ignored folders such as .tmp/.
      work: { type: "string", default: join(tmpdir(), "lhh-bench") },
      seed: { type: "string", default: "1" },
      hugo: { type: "boolean", default: false },
      port: { type: "string", default: "8091" },
    },
  });
  const sizes = values.articles.split(",").map(Number);
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--articles: "${values.articles}" is not a list like 1000,4000`);
  const results: SizeResult[] = [];
  for (const articles of sizes) results.push(await benchSize(articles, resolve(values.work, String(articles)), values.seed, values.hugo));

  const devLoopSize = values["dev-loop"] === undefined ? Math.max(...sizes) : Number(values["dev-loop"]);
  let devLoop: (DevLoopResult & { articles: number }) | null = null;
  if (devLoopSize > 0) {
    const dir = resolve(values.work, String(devLoopSize));
    if (!sizes.includes(devLoopSize)) await run(tsx, ["scripts/tools/cli/fixtures.ts", "--articles", String(devLoopSize), "--out", join(dir, "content")]);
    const articleFile = join(dir, "content", (await listFiles(join(dir, "content"), [".md"])).find((f) => f.startsWith("tin-tuc/"))!);
    console.error(`[bench] dev loop on ${devLoopSize} articles, editing ${articleFile}`);
    devLoop = {
      articles: devLoopSize,
      ...(await measureDevLoop({
        contentDir: join(dir, "content"),
        outputDir: join(dir, "_site-dev"),
        articleFile,
        port: Number(values.port),
        runs: Number(values.runs),
      })),
    };
  }

  const report = { date: new Date().toISOString(), node: process.version, sizes: results, devLoop };
  await mkdir(values.out, { recursive: true });
  await writeFile(join(values.out, "bench.json"), `${JSON.stringify(report, null, 2)}\n`);
  console.log(table(results, devLoop));
  console.log(`\nwritten: ${join(values.out, "bench.json")}`);
  return 0;
});
