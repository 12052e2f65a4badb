import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { isMain, runCli, siteRoot } from "./cli.ts";
import { listFiles } from "../../build/list-files.ts";
import { urlPathOf } from "./files.ts";
import { htmlFacts, type HtmlFacts } from "./html.ts";

export interface BrokenLink {
  /** The output file that holds the reference, relative to the site root. */
  page: string;
  /** Where the URL sits, e.g. `img[src]`, or `css url()` in a stylesheet. */
  ref: string;
  url: string;
  reason: string;
}

export interface LinkCheckOptions {
  /** The production origin (https://example.org): absolute links to it are checked like local ones. */
  siteOrigin?: string;
}

const LOCAL = "http://site.invalid";
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

type Target = { path: string; hash: string } | { error: string } | null;

/** Where `url`, found on the page at `from`, points inside the site; null when it leaves the site. */
function resolveLocal(url: string, from: string, siteOrigin: string | undefined): Target {
  if (/^javascript:/i.test(url)) return { error: "javascript: URLs are forbidden (CSP); use a real link" };
  if (SCHEME.test(url) && !(siteOrigin !== undefined && url.startsWith(siteOrigin))) return null;
  let parsed: URL;
  try {
    parsed = new URL(url, LOCAL + from);
  } catch {
    return { error: "not a valid URL" };
  }
  if (parsed.origin !== LOCAL && parsed.origin !== siteOrigin) return null;
  try {
    return { path: decodeURIComponent(parsed.pathname), hash: decodeURIComponent(parsed.hash.slice(1)) };
  } catch {
    return { error: "malformed percent-encoding" };
  }
}

/** The output file a site path is served from, or undefined when nothing answers there. */
function fileFor(path: string, files: Set<string>): string | undefined {
  const rel = path.slice(1);
  const candidates = path.endsWith("/") ? [`${rel}index.html`] : [rel, `${rel}/index.html`];
  return candidates.find((file) => files.has(file));
}

function checkRef(
  page: string,
  ref: string,
  url: string,
  files: Set<string>,
  pages: Map<string, HtmlFacts>,
  options: LinkCheckOptions,
): BrokenLink | undefined {
  const target = resolveLocal(url, urlPathOf(page), options.siteOrigin);
  if (target === null) return undefined;
  if ("error" in target) return { page, ref, url, reason: target.error };
  const file = fileFor(target.path, files);
  if (file === undefined) return { page, ref, url, reason: `no file in the output for ${target.path}` };
  // Text fragments (#:~:text=) are browser features, not ids.
  if (target.hash === "" || target.hash.startsWith(":~:")) return undefined;
  const facts = pages.get(file);
  if (facts !== undefined && !facts.ids.has(target.hash)) {
    return { page, ref, url, reason: `no element with id "${target.hash}" in ${file}` };
  }
  return undefined;
}

const CSS_URL = /url\(\s*(['"]?)([^'")]+)\1\s*\)|@import\s+(['"])([^'"]+)\3/g;

/** The local URLs a stylesheet pulls in (fonts, images, imports). */
function cssUrls(css: string): string[] {
  return [...css.matchAll(CSS_URL)]
    .map((m) => m[2] ?? m[4] ?? "")
    .filter((url) => url !== "" && !url.startsWith("data:") && !url.startsWith("#"));
}

/**
 * Every internal link, image, script, stylesheet and fragment in the built site at `root` that does not
 * resolve: a path must name a file in the output (a directory means its index.html) and a #fragment
 * must be an id on the target page. External URLs are not fetched.
 */
export async function checkLinks(root: string, options: LinkCheckOptions = {}): Promise<BrokenLink[]> {
  const all = await listFiles(root);
  const files = new Set(all);
  const pages = new Map<string, HtmlFacts>();
  for (const file of all.filter((f) => f.endsWith(".html"))) {
    pages.set(file, htmlFacts(await readFile(join(root, file), "utf8")));
  }
  const broken: BrokenLink[] = [];
  const report = (found: BrokenLink | undefined): void => {
    if (found !== undefined) broken.push(found);
  };
  for (const [page, facts] of pages) {
    for (const { tag, attr, url } of facts.refs) {
      report(checkRef(page, `${tag}[${attr}]`, url, files, pages, options));
    }
  }
  for (const sheet of all.filter((f) => f.endsWith(".css"))) {
    for (const url of cssUrls(await readFile(join(root, sheet), "utf8"))) {
      report(checkRef(sheet, "css url()", url.split("#")[0] ?? url, files, pages, options));
    }
  }
  return broken;
}

/** One line per distinct broken URL (a missing feed breaks every page): where first seen and how often. */
export function formatBrokenLinks(broken: BrokenLink[]): string {
  const groups = new Map<string, BrokenLink[]>();
  for (const b of broken) {
    const what = `${b.ref} "${b.url}": ${b.reason}`;
    groups.set(what, [...(groups.get(what) ?? []), b]);
  }
  return [...groups]
    .map(([what, all]) => `${all[0]!.page}: ${what}${all.length > 1 ? ` (and on ${all.length - 1} more)` : ""}`)
    .join("\n");
}

if (isMain(import.meta.url)) {
  runCli(async () => {
    const { positionals, values } = parseArgs({
      allowPositionals: true,
      options: { "site-origin": { type: "string" } },
    });
    const root = siteRoot(positionals);
    const broken = await checkLinks(root, { siteOrigin: values["site-origin"] });
    if (broken.length > 0) console.error(formatBrokenLinks(broken));
    console.log(`links: ${broken.length} broken internal links or images in ${root}`);
    return broken.length === 0 ? 0 : 1;
  });
}
