import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build, type Plugin } from "esbuild";

const ENTRY = fileURLToPath(new URL("./cms-entry.ts", import.meta.url));
const PATH = createRequire(import.meta.url).resolve("path-browserify");
/** The check's modules name files relative to process.cwd(): in the browser, the repository root is "/". */
const CWD_SHIM = fileURLToPath(new URL("./browser-cwd.ts", import.meta.url));

/**
 * The editor UI runs the check's own modules (schemas, the model, the cross-file checks). Their path
 * arithmetic runs on path-browserify, over paths rooted at "/"; the other Node built-ins (file reading)
 * become a stub that fails if called: the browser only uses the pure parts.
 */
const nodeStubs: Plugin = {
  name: "node-stubs",
  setup(b) {
    b.onResolve({ filter: /^node:path$/ }, () => ({ path: PATH }));
    b.onResolve({ filter: /^node:/ }, (args) => ({ path: args.path, namespace: "node-stub" }));
    b.onLoad({ filter: /.*/, namespace: "node-stub" }, (args) => ({
      contents: `module.exports = new Proxy({}, { get: (_, key) => key === "__esModule" ? false : () => { throw new Error("${args.path} is not available in the browser"); } });`,
      loader: "js",
    }));
  },
};

/** Every source file the bundle is made of (ours, not node_modules), for the cache key. */
async function sourceKey(): Promise<string> {
  const result = await build({ entryPoints: [ENTRY], bundle: true, write: false, metafile: true, platform: "browser", plugins: [nodeStubs], inject: [CWD_SHIM], logLevel: "silent", packages: "external" });
  const hash = createHash("sha256");
  for (const input of Object.keys(result.metafile!.inputs).sort()) if (!input.startsWith("node-stub:")) hash.update(input).update(await readFile(input));
  return hash.digest("hex");
}
const CACHE = ".cache/admin";

/**
 * Decap CMS, React and our registrations in one minified file (about 6 MB; 6 s
 * to bundle here). It is cached by the lockfile and our source files, so a site
 * build only pays for it when a package or the editor UI's code changes.
 */
export async function cmsBundle(): Promise<{ name: string; code: Uint8Array }> {
  const key = createHash("sha256")
    .update(await readFile("package-lock.json"))
    .update(await sourceKey())
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
      plugins: [nodeStubs],
      inject: [CWD_SHIM],
    });
    await mkdir(CACHE, { recursive: true });
    await writeFile(cached, result.outputFiles[0]!.contents);
  }
  const code = await readFile(cached);
  const hash = createHash("sha256").update(code).digest("hex").slice(0, 10);
  return { name: `cms.${hash}.js`, code };
}
