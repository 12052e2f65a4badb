import { posix, relative, sep } from "node:path";
import type { ContentIssue } from "../content/issues.ts";
import type { SiteModel } from "../model/types.ts";

/** Addresses that exist on every build, besides documents and listings. */
const FIXED_ROUTES = ["/", "/tim-kiem/", "/feed.xml", "/admin/"];

const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i;

/**
 * Links must reach an article, page or listing of this site, or a file in the
 * content tree. (Images are checked by the loader.) `files` holds every file
 * under the content folder, relative to it ("media/2020/bao-cao.pdf").
 */
export function checkLinks(model: SiteModel, files: ReadonlySet<string>): ContentIssue[] {
  const docs = [...model.articles, ...model.pages];
  const urls = new Set<string>(FIXED_ROUTES);
  for (const doc of docs) urls.add(doc.url);
  for (const c of model.categories) urls.add(c.url).add(`${c.url}feed.xml`);
  for (const l of model.listings) urls.add(l.url);
  const contentPath = (path: string) => relative(model.contentDir, path).split(sep).join("/");
  const sources = new Set(docs.map((d) => contentPath(d.sourcePath)));

  const issues: ContentIssue[] = [];
  for (const doc of docs) {
    const here = posix.dirname(contentPath(doc.sourcePath));
    for (const ref of doc.references) {
      if (ref.kind !== "link" || EXTERNAL.test(ref.target)) continue;
      const problem = linkProblem(ref.target, here, urls, files, sources);
      if (problem) issues.push({ file: doc.file, line: ref.line, field: "link", message: problem, severity: "error" });
    }
  }
  return issues;
}

function linkProblem(raw: string, here: string, urls: ReadonlySet<string>, files: ReadonlySet<string>, sources: ReadonlySet<string>): string | null {
  const target = safeDecode(raw.replace(/[?#].*$/, ""));
  if (target.startsWith("/")) {
    if (files.has(target.slice(1)) || urls.has(target) || urls.has(`${target}/`)) return null;
    return /\.[a-z0-9]+$/i.test(target)
      ? `${raw}: no such file in the content folder — check the name, or upload the file to content${posix.dirname(target)}/`
      : `${raw}: no article or page has this address — copy the address from the page on the site (it looks like /tin-tuc/2020/02/ten-bai/)`;
  }
  const resolved = posix.normalize(posix.join(here, target));
  if (resolved.endsWith(".md")) {
    return sources.has(resolved) ? null : `${raw}: there is no article or page content/${resolved} — check the file name and folder`;
  }
  return files.has(resolved) ? null : `${raw}: no such file (looked for content/${resolved}) — check the name, or upload the file`;
}

function safeDecode(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}
