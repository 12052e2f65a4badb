import { mkdir, rm, symlink, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
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

/** Build `contentDir` with Debian's Hugo (apt-get install hugo), for comparison only. */
export async function runHugo(contentDir: string, workDir: string): Promise<{ wallMs: number; peakRssMB: number }> {
  const site = join(workDir, "hugo-site");
  await rm(site, { recursive: true, force: true });
  await mkdir(join(site, "layouts", "_default"), { recursive: true });
  await writeFile(join(site, "hugo.toml"), CONFIG);
  await writeFile(join(site, "layouts", "_default", "single.html"), PAGE);
  await writeFile(join(site, "layouts", "_default", "list.html"), LIST);
  await symlink(resolve(contentDir), join(site, "content"));
  const result = await runMeasured("hugo", ["--quiet", "--source", site, "--destination", join(workDir, "hugo-out")]);
  return { wallMs: result.wallMs, peakRssMB: Math.round(result.maxRssBytes / 2 ** 20) };
}
