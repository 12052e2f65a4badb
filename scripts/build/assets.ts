import { createHash } from "node:crypto";
import { readdir, readFile, mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { build } from "esbuild";
import type { WidgetDefinition } from "../../widgets/widget.ts";
import { bundleScript } from "./bundle.ts";
import { bundleSearchClient } from "./search/bundle-client.ts";

export interface Assets {
  css: string;
  js: string;
  /** The search page's client. */
  search: string;
  icon: string;
  /** Output path (under the site root) → content, written after Eleventy has run. */
  files: Map<string, string>;
}

const root = new URL("../..", import.meta.url).pathname;

async function widgetStyles(): Promise<string[]> {
  const dirs = await readdir(join(root, "widgets"), { withFileTypes: true }).catch(() => []);
  return dirs.filter((d) => d.isDirectory()).map((d) => join(root, "widgets", d.name, "style.css")).sort();
}

function hashed(files: Map<string, string>, name: string, ext: string, content: string): string {
  const hash = createHash("sha256").update(content).digest("hex").slice(0, 10);
  const url = `/assets/${name}.${hash}.${ext}`;
  files.set(url, content);
  return url;
}

/** assets/site.ts, then each widget's client (its default export, run once per page). */
function siteScript(widgets: readonly Pick<WidgetDefinition<string, unknown>, "client">[]): string {
  const clients = widgets.flatMap((w) => (w.client ? [w.client] : []));
  return [
    `import "./assets/site.ts";`,
    ...clients.map((file, i) => `import init${i} from ${JSON.stringify(file)};\ninit${i}();`),
  ].join("\n");
}

export async function writeAssets(outputDir: string, assets: Assets): Promise<void> {
  await mkdir(join(outputDir, "assets"), { recursive: true });
  await Promise.all([...assets.files].map(([url, content]) => writeFile(join(outputDir, url), content)));
}

/**
 * Bundle the site CSS (site + widgets) and the client script into fingerprinted files. The widgets
 * are the caller's (widgets/registry.ts), so that `npm start` can pass freshly imported ones.
 */
export async function buildAssets(widgets: readonly Pick<WidgetDefinition<string, unknown>, "client">[]): Promise<Assets> {
  const cssFiles = [join(root, "assets", "site.css"), ...(await widgetStyles()), join(root, "assets", "print.css")];
  const css = (await Promise.all(cssFiles.map((f) => readFile(f, "utf8").catch(() => "")))).join("\n");
  const minifiedCss = await build({ stdin: { contents: css, loader: "css" }, write: false, minify: true });
  const js = await bundleScript({ contents: siteScript(widgets), resolveDir: root });
  const files = new Map<string, string>();
  return {
    css: hashed(files, "site", "css", minifiedCss.outputFiles[0]!.text),
    js: hashed(files, "site", "js", js),
    search: hashed(files, "search", "js", await bundleSearchClient()),
    icon: hashed(files, "favicon", "svg", await readFile(join(root, "assets", "favicon.svg"), "utf8")),
    files,
  };
}
