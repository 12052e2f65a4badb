import { fileURLToPath } from "node:url";
import { build } from "esbuild";

/** The search page's client, bundled and minified (the site fingerprints and writes it). */
export async function bundleSearchClient(): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL("./client.ts", import.meta.url))],
    bundle: true,
    minify: true,
    format: "esm",
    target: "es2020",
    write: false,
    logLevel: "warning",
  });
  return result.outputFiles[0]!.text;
}
