import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { Parser } from "htmlparser2";
import { isMain, runCli, siteRoot } from "./cli.ts";

export interface WeightPart {
  path: string;
  kind: "html" | "css" | "js";
  bytes: number;
  gzipBytes: number;
}

export interface PageWeight {
  page: string;
  parts: WeightPart[];
  gzipTotal: number;
}

/** The article page budget from the design: HTML + CSS + JS, gzipped, images and fonts excluded. */
export const PAGE_WEIGHT_BUDGET = 30_000;

const LOCAL = "http://site.invalid";
const IMPORT = /@import\s+(?:url\(\s*)?(['"]?)([^'")\s]+)\1/g;

/** The stylesheets and scripts a page loads (and preloads), in document order. */
function pageAssets(html: string): { kind: "css" | "js"; url: string }[] {
  const assets: { kind: "css" | "js"; url: string }[] = [];
  const parser = new Parser(
    {
      onopentag(tag, attrs) {
        const rel = (attrs.rel ?? "").toLowerCase().split(/\s+/);
        if (tag === "script" && attrs.src !== undefined) assets.push({ kind: "js", url: attrs.src });
        if (tag !== "link" || attrs.href === undefined) return;
        if (rel.includes("stylesheet") || (rel.includes("preload") && attrs.as === "style")) {
          assets.push({ kind: "css", url: attrs.href });
        } else if (rel.includes("modulepreload") || (rel.includes("preload") && attrs.as === "script")) {
          assets.push({ kind: "js", url: attrs.href });
        }
      },
    },
    { lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  return assets;
}

function sitePath(url: string, from: string): string {
  const parsed = new URL(url, LOCAL + from);
  if (parsed.origin !== LOCAL) throw new Error(`${from} loads ${url} from another origin: the budget counts local files only`);
  return decodeURIComponent(parsed.pathname);
}

function measure(path: string, kind: WeightPart["kind"], content: Buffer): WeightPart {
  return { path, kind, bytes: content.length, gzipBytes: gzipSync(content).length };
}

/**
 * Weigh one page of the built site at `root` (`page` is its URL path, e.g. "/tin-tuc/2020/02/x/"):
 * its HTML plus every stylesheet (with @imports) and script it loads, each gzipped on its own as a
 * server would send it. Images and fonts are not counted. A file loaded twice counts once.
 */
export async function pageWeight(root: string, page: string): Promise<PageWeight> {
  const htmlPath = page.endsWith("/") ? `${page}index.html` : page;
  const html = await readFile(join(root, htmlPath));
  const parts: WeightPart[] = [measure(page, "html", html)];
  const seen = new Set<string>();
  const queue = pageAssets(html.toString("utf8")).map((a) => ({ ...a, path: sitePath(a.url, page) }));
  for (let asset = queue.shift(); asset !== undefined; asset = queue.shift()) {
    if (seen.has(asset.path)) continue;
    seen.add(asset.path);
    const content = await readFile(join(root, asset.path)).catch(() => {
      throw new Error(`${page} loads ${asset.path}, which is not in ${root}`);
    });
    parts.push(measure(asset.path, asset.kind, content));
    if (asset.kind === "css") {
      for (const m of content.toString("utf8").matchAll(IMPORT)) {
        queue.push({ kind: "css", url: m[2] ?? "", path: sitePath(m[2] ?? "", asset.path) });
      }
    }
  }
  return { page, parts, gzipTotal: parts.reduce((sum, p) => sum + p.gzipBytes, 0) };
}

export function formatPageWeight(weight: PageWeight): string {
  const rows = weight.parts.map((p) => `  ${p.kind.padEnd(4)} ${String(p.gzipBytes).padStart(7)} B gz  ${p.path}`);
  return [`${weight.page}: ${weight.gzipTotal} B gzipped (HTML + CSS + JS)`, ...rows].join("\n");
}

if (isMain(import.meta.url)) {
  runCli(async () => {
    const { positionals, values } = parseArgs({
      allowPositionals: true,
      options: { page: { type: "string", multiple: true }, max: { type: "string" } },
    });
    const root = siteRoot(positionals);
    const max = values.max === undefined ? PAGE_WEIGHT_BUDGET : Number(values.max);
    let failed = 0;
    for (const page of values.page ?? ["/tin-tuc/2020/02/trien-khai-nhiem-vu-nam-2020/"]) {
      const weight = await pageWeight(root, page);
      console.log(formatPageWeight(weight));
      if (weight.gzipTotal > max) {
        console.error(`${page}: ${weight.gzipTotal} B gzipped is over the budget of ${max} B`);
        failed++;
      }
    }
    return failed === 0 ? 0 : 1;
  });
}
