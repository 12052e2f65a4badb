import { posix, relative, sep } from "node:path";
import type { ContentIssue } from "../content/issues.ts";
import type { Article, Page, SiteModel } from "../model/types.ts";
import type { LineOf } from "./field-line.ts";

/** Addresses that exist on every build, besides documents and listings. */
const FIXED_ROUTES = ["/", "/tim-kiem/", "/feed.xml", "/admin/"];

const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

type Doc = Article | Page;

/**
 * Internal links must point at an article, page or listing of this site and
 * images at a file in the content tree. `files` holds every file under the
 * content folder, as paths relative to it ("media/2020/x.jpg").
 */
export function checkLinks(model: SiteModel, files: ReadonlySet<string>, lineOf: LineOf): ContentIssue[] {
  const docs: Doc[] = [...model.articles, ...model.pages];
  const urls = new Set<string>(FIXED_ROUTES);
  for (const doc of docs) urls.add(doc.url);
  for (const c of model.categories) urls.add(c.url).add(`${c.url}feed.xml`);
  for (const t of model.tags) urls.add(t.url);
  for (const l of model.listings) urls.add(l.url);
  const sources = new Set(docs.map((d) => contentPath(model.contentDir, d.sourcePath)));

  const issues: ContentIssue[] = [];
  for (const doc of docs) {
    const here = posix.dirname(contentPath(model.contentDir, doc.sourcePath));
    const targets = doc.references.map((r) => ({ ...r, field: r.kind }));
    if (doc.kind === "article" && doc.image) {
      targets.push({ kind: "image", target: doc.image, line: lineOf(doc.file, "image"), field: "image" });
    }
    for (const ref of targets) {
      const problem = findProblem(ref.kind, ref.target, here, urls, files, sources);
      if (problem) issues.push({ file: doc.file, line: ref.line, field: ref.field, message: problem, severity: "error" });
    }
  }
  return issues;
}

function findProblem(
  kind: "image" | "link",
  raw: string,
  here: string,
  urls: ReadonlySet<string>,
  files: ReadonlySet<string>,
  sources: ReadonlySet<string>,
): string | null {
  if (kind === "image" && raw.trim() === "") {
    return "this photo has no file yet — upload it to content/media and put its path between the round brackets";
  }
  if (EXTERNAL.test(raw) || raw.startsWith("#")) return null;
  const target = safeDecode(raw.replace(/[?#].*$/, ""));
  if (target.startsWith("/")) {
    const file = target.slice(1);
    if (files.has(file) || urls.has(target)) return null;
    if (!target.endsWith("/") && urls.has(`${target}/`)) return null;
    return kind === "image" || /\.[a-z0-9]+$/i.test(target)
      ? `${raw}: no such file in the content folder — check the name, or upload the file to content/${posix.dirname(file)}/`
      : `${raw}: no article or page has this address — copy the address from the published page (it looks like /tin-tuc/2020/02/ten-bai/)`;
  }
  const resolved = posix.normalize(posix.join(here, target));
  if (resolved.endsWith(".md")) {
    return sources.has(resolved) ? null : `${raw}: the file ${resolved} does not exist — check the name and folder`;
  }
  return files.has(resolved) ? null : `${raw}: no such file (looked for content/${resolved}) — check the name, or upload the file`;
}

function contentPath(contentDir: string, path: string): string {
  return relative(contentDir, path).split(sep).join("/");
}

function safeDecode(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}
