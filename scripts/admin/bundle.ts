import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const ENTRY = fileURLToPath(new URL("./cms-entry.ts", import.meta.url));
const CACHE = ".cache/admin";

/**
 * Decap CMS, React and our registrations in one minified file (about 6 MB; 6 s
 * to bundle here). It is cached by the lockfile and the entry, so a site build
 * only pays for it when a package changes.
 */
export async function cmsBundle(): Promise<{ name: string; code: Uint8Array }> {
  const key = createHash("sha256")
    .update(await readFile("package-lock.json"))
    .update(await readFile(ENTRY))
    .digest("hex")
    .slice(0, 16);
  const cached = join(CACHE, `cms.${key}.js`);
  if (!existsSync(cached)) {
    const result = await build({
      entryPoints: [ENTRY],
      bundle: true,
      minify: true,
      format: "iife",
      platform: "browser",
      target: "es2020",
      write: false,
      legalComments: "none",
      logLevel: "error",
      define: { "process.env.NODE_ENV": '"production"', global: "window" },
    });
    await mkdir(CACHE, { recursive: true });
    await writeFile(cached, result.outputFiles[0]!.contents);
  }
  const code = await readFile(cached);
  const hash = createHash("sha256").update(code).digest("hex").slice(0, 10);
  return { name: `cms.${hash}.js`, code };
}
