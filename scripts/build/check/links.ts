import { posix } from "node:path";
import type { ContentIssue } from "../content/issues.ts";
import type { SiteModel } from "../model/types.ts";
import { categoryFeedUrl, FIXED_ROUTES } from "../urls.ts";
import { contentPath } from "./content-files.ts";

const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i;

/** Every address this build serves: the fixed routes, documents, listings and category feeds. */
export function siteAddresses(model: SiteModel): Set<string> {
  const urls = new Set<string>(FIXED_ROUTES);
  for (const doc of [...model.articles, ...model.pages]) urls.add(doc.url);
  for (const c of model.categories) urls.add(c.url).add(categoryFeedUrl(c.url));
  for (const l of model.listings) urls.add(l.url);
  return urls;
}

/**
 * Links must reach an article, page or listing of this site, or a file in the
 * content tree. (Images are checked by references.ts.) `files` holds every file
 * under the content folder, relative to it ("media/2020/bao-cao.pdf").
 */
export function checkLinks(model: SiteModel, files: ReadonlySet<string>, urls: ReadonlySet<string>): ContentIssue[] {
  const docs = [...model.articles, ...model.pages];
  const sources = new Set(docs.map((d) => contentPath(model.contentDir, d.sourcePath)));
  const issues: ContentIssue[] = [];
  for (const doc of docs) {
    const here = posix.dirname(contentPath(model.contentDir, doc.sourcePath));
    for (const ref of doc.references) {
      if (ref.kind !== "link" || EXTERNAL.test(ref.target)) continue;
      const problem = linkProblem(ref.target, here, urls, files, sources);
      if (problem) issues.push({ file: doc.file, line: ref.line, field: "link", message: problem, severity: "error" });
    }
  }
  return issues;
}

/** A site path (from menu.yaml or links.yaml) that no page or file answers: a reader gets "not found". */
export function sitePathProblem(path: string, urls: ReadonlySet<string>, files: ReadonlySet<string>): string | null {
  return linkProblem(path, "", urls, files, new Set());
}

function linkProblem(raw: string, here: string, urls: ReadonlySet<string>, files: ReadonlySet<string>, sources: ReadonlySet<string>): string | null {
  const target = safeDecode(raw.replace(/[?#].*$/, ""));
  if (target === undefined) return null; // references.ts reports the malformed escape
  if (target.startsWith("/")) {
    if (files.has(target.slice(1)) || urls.has(target) || urls.has(`${target}/`)) return null;
    return /\.[a-z0-9]+$/i.test(target)
      ? `${raw}: không có tệp này trong thư mục nội dung — kiểm tra tên tệp, hoặc tải tệp lên content${posix.dirname(target)}/`
      : `${raw}: không có bài hay trang nào ở địa chỉ này — chép lại địa chỉ từ trang đã đăng (dạng /tin-tuc/2020/02/ten-bai/)`;
  }
  const resolved = posix.normalize(posix.join(here, target));
  if (resolved.endsWith(".md")) {
    return sources.has(resolved) ? null : `${raw}: không có bài hay trang content/${resolved} — kiểm tra tên tệp và thư mục`;
  }
  return files.has(resolved) ? null : `${raw}: không có tệp này (đã tìm content/${resolved}) — kiểm tra tên tệp, hoặc tải tệp lên`;
}

function safeDecode(path: string): string | undefined {
  try {
    return decodeURI(path);
  } catch {
    return undefined;
  }
}
