import { build, type BuildOptions } from "esbuild";

/**
 * One browser script, bundled and minified in memory (the caller fingerprints and writes it).
 * `entry` is a file, or `{ contents, resolveDir }` for an entry made up at build time.
 */
export async function bundleScript(entry: string | { contents: string; resolveDir: string }, options: BuildOptions = {}): Promise<string> {
  const result = await build({
    ...(typeof entry === "string" ? { entryPoints: [entry] } : { stdin: { ...entry, loader: "ts" } }),
    bundle: true,
    minify: true,
    format: "esm",
    target: "es2020",
    write: false,
    logLevel: "warning",
    ...options,
  });
  return result.outputFiles![0]!.text;
}
