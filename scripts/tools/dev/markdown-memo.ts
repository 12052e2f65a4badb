import type { SiteInput } from "../../build/model/build-site.ts";
import { renderMarkdown } from "../../build/render/markdown.ts";

type Rendered = ReturnType<typeof renderMarkdown>;
interface Entry {
  body: string;
  bodyLine: number;
  /** Every link/image target the body resolved, with the URL it got: a renamed target re-renders. */
  resolved: Map<string, string>;
  out: Rendered;
}

/**
 * A body renderer for buildSite that renders a file again only when its body, its first line or
 * the URL of something it links to changed: an edit re-renders one article, not four thousand.
 */
export function memoisedRenderBody(): NonNullable<SiteInput["renderBody"]> {
  const cache = new Map<string, Entry>();
  return (doc, resolveUrl) => {
    const hit = cache.get(doc.sourcePath);
    if (hit && hit.body === doc.body && hit.bodyLine === doc.bodyLine && [...hit.resolved].every(([t, url]) => resolveUrl(t) === url)) {
      return hit.out;
    }
    const resolved = new Map<string, string>();
    const out = renderMarkdown(doc.body, {
      bodyLine: doc.bodyLine,
      resolveUrl: (target) => {
        const url = resolveUrl(target);
        resolved.set(target, url);
        return url;
      },
    });
    cache.set(doc.sourcePath, { body: doc.body, bodyLine: doc.bodyLine, resolved, out });
    return out;
  };
}
