import { spawn, type ChildProcess } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, unlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import matter from "gray-matter";
import { DateTime } from "luxon";
import { parseContentDate, ZONE } from "../../build/model/dates.ts";
import { articleUrl } from "../../build/urls.ts";
import { copyProjectCode } from "./project-copy.ts";

/** The layout markup the dev loop marks to time a template change. */
const FOOTER = '<footer class="site-footer">';

export interface Timings {
  runsMs: number[];
  medianMs: number;
  maxMs: number;
}

export interface DevLoopResult {
  /** Until the dev server answered with the whole model loaded. */
  startupMs: number;
  /** Save an article → its page served with the edit. */
  edit: Timings;
  /** New article file → its page served and the home page lists it. */
  create: Timings;
  /** Article file deleted → its URL answers 404 and the home page no longer lists it. */
  remove: Timings;
  /** A layout (layouts/base.tsx of a copy of the code) saved → the article page served with the change. */
  layout: Timings;
}

async function waitFor(what: string, timeoutMs: number, probe: () => Promise<boolean>): Promise<void> {
  const until = performance.now() + timeoutMs;
  while (performance.now() < until) {
    if (await probe().catch(() => false)) return;
    await sleep(5);
  }
  throw new Error(`dev loop: gave up waiting ${timeoutMs} ms for ${what}`);
}

function stopGroup(child: ChildProcess): void {
  if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, "SIGTERM");
}

function timings(runsMs: number[]): Timings {
  const sorted = [...runsMs].sort((a, b) => a - b);
  return { runsMs, medianMs: sorted[Math.floor(sorted.length / 2)]!, maxMs: sorted.at(-1)! };
}

/**
 * With `npm start` running on `contentDir`, time (by polling over HTTP, as a browser would see it)
 * `runs` times each: an edit to `articleFile` until its page holds the edit; a new article until it
 * is served and listed on the home page; its deletion until its URL 404s and home no longer lists it.
 * The article is restored and the server (its whole process group) stopped afterwards.
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
  const origin = `http://localhost:${options.port}`;
  const page = (url: string) => fetch(`${origin}${url}`);
  const text = async (url: string) => (await page(url)).text();
  const articlePath = articleUrl(date.value, String(data.slug ?? basename(options.articleFile, ".md")));

  // `npm start` in a copy of the code, so that a layout can be edited without touching the repository's.
  const code = await mkdtemp(join(tmpdir(), "lhh-bench-code-"));
  await copyProjectCode(process.cwd(), code);
  const layoutFile = join(code, "layouts", "base.tsx");
  const layout = await readFile(layoutFile, "utf8");
  if (!layout.includes(FOOTER)) throw new Error(`dev loop: ${FOOTER} is not in layouts/base.tsx any more`);

  const started = performance.now();
  const server = spawn(process.execPath, ["--import", "tsx", "scripts/tools/dev/server.ts", `--port=${options.port}`], {
    cwd: code,
    env: { ...process.env, CONTENT_DIR: options.contentDir, OUTPUT_DIR: options.outputDir },
    stdio: ["ignore", "pipe", "inherit"],
    detached: true,
  });
  let log = "";
  server.stdout?.setEncoding("utf8").on("data", (chunk: string) => (log += chunk));
  const created: string[] = [];
  try {
    await waitFor("the dev server", 600_000, async () => log.includes("[dev] ready") && (await page("/")).status === 200);
    const startupMs = Math.round(performance.now() - started);
    const edit: number[] = [];
    const create: number[] = [];
    const remove: number[] = [];
    const layoutSaves: number[] = [];
    for (let run = 0; run < (options.runs ?? 5); run++) {
      const marker = `bench-dev-loop-${Date.now()}-${run}`;
      let saved = performance.now();
      await writeFile(options.articleFile, `${original}\nĐoạn thử ${marker}.\n`);
      await waitFor(`${marker} in ${articlePath}`, 120_000, async () => (await text(articlePath)).includes(marker));
      edit.push(Math.round(performance.now() - saved));

      const when = DateTime.now().setZone(ZONE).minus({ minutes: 10 }).startOf("second");
      const slug = `bai-thu-dev-loop-${run}-${Date.now()}`;
      const file = join(options.contentDir, "tin-tuc", when.toFormat("yyyy"), `${slug}.md`);
      const url = articleUrl(when, slug);
      await mkdir(dirname(file), { recursive: true });
      saved = performance.now();
      await writeFile(file, `---\ntitle: Bài thử ${marker}\ndate: ${when.toISO({ suppressMilliseconds: true })}\ncategory: lien-hiep-hoi\n---\n\nNội dung thử.\n`);
      created.push(file);
      await waitFor(`${url} served and listed`, 120_000, async () => (await page(url)).status === 200 && (await text("/")).includes(url));
      create.push(Math.round(performance.now() - saved));

      saved = performance.now();
      await unlink(file);
      await waitFor(`${url} gone`, 120_000, async () => (await page(url)).status === 404 && !(await text("/")).includes(url));
      remove.push(Math.round(performance.now() - saved));
      created.pop();

      saved = performance.now();
      await writeFile(layoutFile, layout.replace(FOOTER, `${FOOTER.slice(0, -1)} data-bench="${marker}">`));
      await waitFor(`the layout change in ${articlePath}`, 120_000, async () => (await text(articlePath)).includes(`data-bench="${marker}"`));
      layoutSaves.push(Math.round(performance.now() - saved));
      await sleep(300);
    }
    return { startupMs, edit: timings(edit), create: timings(create), remove: timings(remove), layout: timings(layoutSaves) };
  } finally {
    stopGroup(server);
    await writeFile(options.articleFile, original);
    await Promise.all(created.map((f) => unlink(f).catch(() => undefined)));
    await rm(options.outputDir, { recursive: true, force: true });
    await rm(code, { recursive: true, force: true });
  }
}
