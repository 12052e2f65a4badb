import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { hostname, tmpdir } from "node:os";
import { join, relative } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { beforeAll, describe, expect, it } from "vitest";
import { siteDirProblem } from "../../scripts/build/publish/staged-output.ts";
import { copyProjectCode } from "../../scripts/tools/bench/project-copy.ts";
import { FIXTURE_TREE } from "../../scripts/tools/fixtures/tree.ts";
import { article, makeContent, repoRoot } from "../support/content.ts";
import { until } from "../support/wait.ts";

interface Run {
  child: ChildProcess;
  done: Promise<{ status: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
  stdout: () => string;
}

/** `npm run build` of `content` into `output` (with the code of `project`), as a process the test can kill. */
function startBuild(content: string, output: string, project = repoRoot): Run {
  const child = spawn(process.execPath, ["--import", "tsx", join(project, "scripts/tools/cli/build.ts")], {
    cwd: project,
    env: { ...process.env, ELEVENTY_RUN_MODE: "", PREVIEW: "", CONTENT_DIR: content, OUTPUT_DIR: output },
  });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (d) => (stdout += d));
  child.stderr!.on("data", (d) => (stderr += d));
  const done = new Promise<{ status: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    child.on("close", (status, signal) => resolve({ status, signal, stdout, stderr })),
  );
  return { child, done, stdout: () => stdout };
}

/** Every file of a folder with the sha256 of its bytes. */
async function snapshot(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(relative(dir, path), createHash("sha256").update(await readFile(path)).digest("hex"));
  }
  return files;
}

/** Entries the build machinery left beside `output` (staging folders, lock, moved-aside site). */
async function beside(output: string): Promise<string[]> {
  const parent = join(output, "..");
  return (await readdir(parent)).filter((e) => e.startsWith(".out."));
}

const siteA = { "tin-tuc/2020/bai-a.md": article({ title: "Bài của bản dựng A", date: "2020-03-01T08:00:00", category: "lien-hiep-hoi" }) };
const siteB = {
  "tin-tuc/2021/bai-b.md": article({ title: "Bài của bản dựng B", date: "2021-03-01T08:00:00", category: "thong-bao" }),
  "trang/gioi-thieu.md": "---\ntitle: Giới thiệu\n---\n\nTrang giới thiệu.\n",
};

let contentA: string;
let contentB: string;
let pathsA: string[];
let pathsB: string[];
beforeAll(async () => {
  [contentA, contentB] = await Promise.all([makeContent(siteA), makeContent(siteB)]);
});

describe("a production build swaps in whole or not at all", () => {
  let output: string;

  it("builds into a folder beside the output and leaves nothing else behind", async () => {
    // A parent folder that does not exist yet (OUTPUT_DIR=/tmp/new/_site) is made.
    output = join(await mkdtemp(join(tmpdir(), "lhh-staged-")), "new", "out");
    const run = await startBuild(contentA, output).done;
    expect(run.status, run.stderr).toBe(0);
    pathsA = [...(await snapshot(output)).keys()].sort();
    expect(pathsA).toContain("tin-tuc/2020/03/bai-a/index.html");
    expect(pathsA).toContain("admin/index.html");
    expect(pathsA.some((p) => p.startsWith("pagefind/"))).toBe(true);
    expect(await beside(output)).toEqual([]);
  });

  it("a build killed mid-way (SIGKILL) leaves the previous output byte-identical", async () => {
    const before = await snapshot(output);
    const run = startBuild(contentB, output);
    // Mid-way: Eleventy has started writing pages into the staging folder.
    let staging = "";
    await until("the staging folder to fill", async () => {
      const dir = (await beside(output)).find((e) => e.startsWith(".out.build-"));
      if (!dir) return false;
      staging = join(output, "..", dir);
      return (await readdir(staging).catch(() => [] as string[])).includes("index.html");
    }, 20);
    run.child.kill("SIGKILL");
    const killed = await run.done;
    expect(killed.signal).toBe("SIGKILL");
    expect(await snapshot(output)).toEqual(before);
    // The killed build left its lock and staging folder: the next build must cope with both.
    expect(await beside(output)).toEqual(expect.arrayContaining([".out.lock", relative(join(output, ".."), staging)]));
  });

  it("the next build takes over the stale lock, removes the half-written folder and swaps in", async () => {
    const run = await startBuild(contentB, output).done;
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/đã dừng giữa chừng/);
    pathsB = [...(await snapshot(output)).keys()].sort();
    expect(pathsB).toContain("tin-tuc/2021/03/bai-b/index.html");
    expect(pathsB).not.toContain("tin-tuc/2020/03/bai-a/index.html");
    expect(await beside(output)).toEqual([]);
  });

  it("a build that fails leaves the previous output as it was", async () => {
    const before = await snapshot(output);
    const broken = await makeContent({ "tin-tuc/2020/hong.md": article({ title: "Hỏng", date: "2020-02-30", category: "lien-hiep-hoi" }) });
    const run = await startBuild(broken, output).done;
    expect(run.status).toBe(1);
    expect(await snapshot(output)).toEqual(before);
    expect(await beside(output)).toEqual([]);
  });
});

describe("a build that fails once rendering has started", () => {
  it("ends with one message and leaves nothing beside the output (no unhandled rejection)", async () => {
    // An empty site: Pagefind refuses to index nothing, while Eleventy is still rendering.
    const output = join(await mkdtemp(join(tmpdir(), "lhh-staged-")), "out");
    const run = await startBuild(await makeContent(), output).done;
    if (run.status !== 0) {
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/^Dừng đăng trang: /m);
      expect(run.stderr).not.toMatch(/^Node\.js v/m);
    }
    expect(await beside(output)).toEqual([]);
  });

  it("a layout that throws: one message, and the search index still being written does not bring the staging folder back", async () => {
    const project = await mkdtemp(join(tmpdir(), "lhh-staged-code-"));
    await copyProjectCode(repoRoot, project);
    const layout = join(project, "layouts/article.tsx");
    const code = await readFile(layout, "utf8");
    const broken = code.replace(/(export function ArticlePage\([^)]*\)[^{]*\{)/, '$1\n  throw new Error("lỗi thử trong layout");');
    expect(broken).not.toBe(code);
    await writeFile(layout, broken);
    const output = join(await mkdtemp(join(tmpdir(), "lhh-staged-")), "out");
    const run = await startBuild(FIXTURE_TREE, output, project).done;
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^Dừng đăng trang: /m);
    expect(run.stderr).toContain("lỗi thử trong layout");
    expect(await beside(output)).toEqual([]);
    await rm(project, { recursive: true, force: true });
  });
});

describe("two builds into one folder", () => {
  it("waits while another live build holds the lock, and touches nothing until it is released", async () => {
    const output = join(await mkdtemp(join(tmpdir(), "lhh-staged-")), "out");
    const holder = spawn("sleep", ["600"]);
    await writeFile(join(output, "..", ".out.lock"), JSON.stringify({ pid: holder.pid, host: hostname() }));
    const run = startBuild(contentA, output);
    await until("the build to wait", async () => /Đang chờ bản dựng khác \(PID \d+\)/.test(run.stdout()), 20);
    await sleep(1000);
    // Only the lock and the waiter's momentary attempts at it (.out.lock.<pid>.<random>): no staging folder, no output.
    expect(await readdir(join(output, "..")).then((e) => e.filter((x) => x !== ".out.lock" && !/^\.out\.lock\.\d+\.[0-9a-f]+$/.test(x)))).toEqual([]);
    holder.kill("SIGKILL");
    await new Promise((r) => holder.once("close", r));
    const done = await run.done;
    expect(done.status, done.stderr).toBe(0);
    expect([...(await snapshot(output)).keys()].sort()).toEqual(pathsA);
  });

  it("started at the same moment, end as one whole build, never a mixture", async () => {
    const output = join(await mkdtemp(join(tmpdir(), "lhh-staged-")), "out");
    const [a, b] = await Promise.all([startBuild(contentA, output).done, startBuild(contentB, output).done]);
    expect(a.status, a.stderr).toBe(0);
    expect(b.status, b.stderr).toBe(0);
    const paths = [...(await snapshot(output)).keys()].sort();
    expect([pathsA, pathsB]).toContainEqual(paths);
    expect(await beside(output)).toEqual([]);
  });
});

describe("an output folder a build must not replace", () => {
  it("is refused before anything is written when it is, holds or sits inside the content folder", async () => {
    // The content folder alone in a folder of its own: that folder is one of the wrong outputs.
    const parent = await mkdtemp(join(tmpdir(), "lhh-keep-"));
    const content = join(parent, "content");
    await cp(await makeContent(siteA), content, { recursive: true });
    const before = await snapshot(content);
    const besideBefore = (await readdir(parent)).sort();
    for (const [output, says] of [
      [content, /là thư mục nội dung: bản dựng thay cả thư mục trang bằng bản mới, nên sẽ xóa mất nó — đặt OUTPUT_DIR là một thư mục riêng/],
      [parent, /chứa thư mục nội dung .*: bản dựng thay cả thư mục trang/],
      [join(content, "_site"), /nằm trong thư mục nội dung/],
    ] as const) {
      const run = await startBuild(content, output).done;
      expect(run.status, output).toBe(1);
      expect(run.stderr, output).toMatch(says);
      expect(await snapshot(content), output).toEqual(before);
      expect((await readdir(parent)).sort(), output).toEqual(besideBefore);
    }
  });

  it("is refused when it is or holds the repository", () => {
    const content = join(repoRoot, "content");
    expect(siteDirProblem(repoRoot, content, repoRoot)).toMatch(/chứa thư mục nội dung/);
    expect(siteDirProblem(join(repoRoot, "content"), content, repoRoot)).toMatch(/là thư mục nội dung/);
    expect(siteDirProblem(repoRoot, "/elsewhere/content", repoRoot)).toMatch(/là kho mã của trang/);
    expect(siteDirProblem("/", "/elsewhere/content", repoRoot)).toMatch(/chứa thư mục nội dung/);
    expect(siteDirProblem(join(repoRoot, ".."), "/elsewhere/content", repoRoot)).toMatch(/chứa kho mã của trang/);
    // The usual folders are fine: _site in the repository, a folder beside a fixture's content.
    expect(siteDirProblem(join(repoRoot, "_site"), content, repoRoot)).toBeUndefined();
    expect(siteDirProblem("/tmp/out-1000", "/tmp/site-1000", repoRoot)).toBeUndefined();
  });
});
