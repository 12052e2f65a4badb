// The test kit: temp content trees, the project's CLIs as real processes, a production build of a tree.
import { spawnSync } from "node:child_process";
import { copyFile, mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { FIXTURE_TREE } from "../../scripts/tools/fixtures/tree.ts";

export const repoRoot = new URL("../..", import.meta.url).pathname;

/** A fresh content tree with the fixture tree's site data files, plus the given files (path → text or bytes). */
export async function makeContent(files: Record<string, string | Buffer> = {}): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "lhh-content-"));
  await mkdir(join(dir, "_data"), { recursive: true });
  for (const f of ["site.yaml", "menu.yaml", "categories.yaml"]) {
    await copyFile(join(FIXTURE_TREE, "_data", f), join(dir, "_data", f));
  }
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), content);
  }
  return dir;
}

export function article(fields: Record<string, string>, body = "Nội dung bài viết.\n"): string {
  const lines = Object.entries(fields).map(([k, v]) => `${k}: ${v}`);
  return `---\n${lines.join("\n")}\n---\n\n${body}`;
}

export interface RunResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** Run one of the project's CLIs (scripts/tools/cli/<name>.ts) as a real process. */
export function runCli(name: string, env: Record<string, string>, args: string[] = []): RunResult {
  const result = spawnSync(process.execPath, ["--import", "tsx", join(repoRoot, "scripts", "tools", "cli", `${name}.ts`), ...args], {
    cwd: repoRoot,
    env: { ...process.env, ELEVENTY_RUN_MODE: "", PREVIEW: "", ...env },
    encoding: "utf8",
  });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** Production-build a content tree into a fresh output directory. */
export async function buildContent(contentDir: string, env: Record<string, string> = {}) {
  const outputDir = await mkdtemp(join(tmpdir(), "lhh-site-"));
  const result = runCli("build", { CONTENT_DIR: contentDir, OUTPUT_DIR: outputDir, ...env });
  const read = (url: string) => readFile(join(outputDir, url.endsWith("/") ? `${url}index.html` : url), "utf8");
  return { ...result, outputDir, read };
}
