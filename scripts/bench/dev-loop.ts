import { spawn, type ChildProcess } from "node:child_process";
import { readFile, stat, writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import matter from "gray-matter";
import { parseContentDate } from "../model/dates.ts";
import { articleUrl } from "../model/build-site.ts";

export interface DevLoopResult {
  /** Until the dev server had written the article page the first time. */
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

  const started = performance.now();
  const server = spawn("npm", ["start", "--", `--port=${options.port}`], {
    env: { ...process.env, CONTENT_DIR: options.contentDir, OUTPUT_DIR: options.outputDir },
    stdio: "ignore",
    detached: true,
  });
  try {
    await waitFor(`${page} to be written`, 600_000, async () => (await stat(page).catch(() => undefined))?.mtimeMs);
    const startupMs = Math.round(performance.now() - started);
    // Let the first build finish writing the rest of the site before editing.
    await sleep(2_000);
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
