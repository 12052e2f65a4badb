import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { writeWhole } from "../write-whole.ts";
import { pagefindBinary, runPagefindCli } from "./build-index.ts";

const CACHE_DIR = ".cache/pagefind-web";

/**
 * The path of Pagefind's browser API (the pagefind.js its binary writes into every bundle), so
 * the search client can bundle it: one script and one request instead of two, minified with
 * ours. It only depends on the binary, so it is made once per binary, from a one-page site.
 */
export async function pagefindWebScript(): Promise<string> {
  const binary = pagefindBinary();
  const { size, mtimeMs } = await stat(binary);
  const cached = path.resolve(CACHE_DIR, `${size}-${Math.round(mtimeMs)}`, "pagefind.js");
  if (await stat(cached).then(() => true, () => false)) return cached;
  const scratch = await mkdtemp(path.join(os.tmpdir(), "pagefind-web-"));
  try {
    await writeFile(path.join(scratch, "index.html"), `<!doctype html><html lang="vi"><body><main data-pagefind-body><p>mẫu</p></main></body></html>`);
    await runPagefindCli(scratch, path.join(scratch, "pagefind"));
    const script = await readFile(path.join(scratch, "pagefind", "pagefind.js"), "utf8");
    await writeWhole(cached, script);
    return cached;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
