import { spawn, type ChildProcess } from "node:child_process";
import { readFile, rm, writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import matter from "gray-matter";
import { parseContentDate } from "../model/dates.ts";
import { articleUrl } from "../urls.ts";

export interface DevLoopResult {
  /** Until the dev server had built the site and was watching. */
  startupMs: number;
  /** Save → page rewritten with the edit, one per run. */
  runsMs: number[];
  medianMs: number;
}

async function waitFor<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined>): Promise<T> {
  const until = performance.now() + timeoutMs;
  while (performance.now() < until) {
    const found = await probe();
    if (found !== undefined) return found;
    await sleep(10);
  }
  throw new Error(`dev loop: gave up waiting ${timeoutMs} ms for ${what}`);
}

function stopGroup(child: ChildProcess): void {
  if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, "SIGTERM");
}

/**
 * With `npm start` (the Eleventy dev server) running on `contentDir`, append a marker paragraph to
 * `articleFile` and time until its page in `outputDir` holds the marker, `runs` times. The article is
 * restored and the server (its whole process group) stopped afterwards.
 */
export async function measureDevLoop(options: {
  contentDir: string;
  outputDir: string;
  articleFile: string;
  port: number;
  runs?: number;
}): Promise<DevLoopResult> {
  const original = await readFile(options.articleFile, "utf8");
  const { data } = matter(original);
  const date = parseContentDate(data.date);
  if (!date.ok) throw new Error(`${options.articleFile}: ${date.message}`);
  const page = join(options.outputDir, articleUrl(date.value, String(data.slug ?? basename(options.articleFile, ".md"))), "index.html");

  await rm(options.outputDir, { recursive: true, force: true });
  const started = performance.now();
  const server = spawn("npm", ["start", "--", `--port=${options.port}`], {
    env: { ...process.env, CONTENT_DIR: options.contentDir, OUTPUT_DIR: options.outputDir },
    stdio: ["ignore", "pipe", "ignore"],
    detached: true,
  });
  let log = "";
  server.stdout?.setEncoding("utf8").on("data", (chunk: string) => (log += chunk));
  try {
    // Eleventy prints "Watching…" once the first build is complete.
    await waitFor("the first build", 600_000, async () => (log.includes("Watching") ? true : undefined));
    const startupMs = Math.round(performance.now() - started);
    await readFile(page).catch(() => {
      throw new Error(`dev loop: the dev server did not write ${page}`);
    });
    // The file watcher is still scanning when "Watching…" appears; an edit before it is ready is missed.
    await sleep(3_000);
    const runsMs: number[] = [];
    for (let run = 0; run < (options.runs ?? 3); run++) {
      const marker = `bench-dev-loop-${Date.now()}-${run}`;
      const saved = performance.now();
      await writeFile(options.articleFile, `${original}\nĐoạn thử ${marker}.\n`);
      await waitFor(`${marker} in ${page}`, 120_000, async () =>
        (await readFile(page, "utf8").catch(() => "")).includes(marker) ? true : undefined,
      );
      runsMs.push(Math.round(performance.now() - saved));
      await sleep(1_500);
    }
    const sorted = [...runsMs].sort((a, b) => a - b);
    return { startupMs, runsMs, medianMs: sorted[Math.floor(sorted.length / 2)]! };
  } finally {
    stopGroup(server);
    await writeFile(options.articleFile, original);
  }
}
