import { mkdir, rm, symlink, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { pagefindBinary } from "../../build/search/build-index.ts";
import { runMeasured } from "./measure.ts";

// A bare Hugo site over the same content tree: article pages with title and body, plain list pages.
const CONFIG = `baseURL = "http://localhost/"
languageCode = "vi"
disableKinds = ["RSS", "sitemap", "robotsTXT"]
[permalinks]
  tin-tuc = "/tin-tuc/:year/:month/:filename/"
[taxonomies]
  tag = "tags"
`;
const PAGE = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body><main><h1>{{ .Title }}</h1>{{ .Content }}</main></body></html>\n`;
const LIST = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body><main><h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></main></body></html>\n`;

export interface PeerResult {
  /** Hugo, then the Pagefind CLI over Hugo's output: the peer's total. */
  wallMs: number;
  hugoMs: number;
  pagefindMs: number;
  /** The larger of the two processes' peaks. */
  peakRssMB: number;
  hugoPeakMB: number;
  pagefindPeakMB: number;
}

/**
 * The peer a build is compared with: Debian's Hugo (apt-get install hugo) renders `contentDir`, then
 * the Pagefind CLI (the binary the pagefind npm package ships) indexes Hugo's output.
 */
export async function runHugoAndPagefind(contentDir: string, workDir: string): Promise<PeerResult> {
  const site = join(workDir, "hugo-site");
  const out = join(workDir, "hugo-out");
  await rm(site, { recursive: true, force: true });
  await rm(out, { recursive: true, force: true });
  await mkdir(join(site, "layouts", "_default"), { recursive: true });
  await writeFile(join(site, "hugo.toml"), CONFIG);
  await writeFile(join(site, "layouts", "_default", "single.html"), PAGE);
  await writeFile(join(site, "layouts", "_default", "list.html"), LIST);
  await symlink(resolve(contentDir), join(site, "content"));
  const hugo = await runMeasured("hugo", ["--quiet", "--source", site, "--destination", out]);
  const pagefind = await runMeasured(pagefindBinary(), ["--site", out, "--silent"]);
  const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
  return {
    wallMs: hugo.wallMs + pagefind.wallMs,
    hugoMs: hugo.wallMs,
    pagefindMs: pagefind.wallMs,
    peakRssMB: Math.max(mb(hugo.maxRssBytes), mb(pagefind.maxRssBytes)),
    hugoPeakMB: mb(hugo.maxRssBytes),
    pagefindPeakMB: mb(pagefind.maxRssBytes),
  };
}
