import { Parser } from "htmlparser2";

/** A URL an element points at: `tag[attr]="url"`. */
export interface HtmlRef {
  tag: string;
  attr: string;
  url: string;
}

export interface HtmlFacts {
  ids: Set<string>;
  refs: HtmlRef[];
}

const URL_ATTRS: Record<string, string[]> = {
  a: ["href"],
  area: ["href"],
  link: ["href"],
  img: ["src"],
  source: ["src"],
  script: ["src"],
  iframe: ["src"],
  video: ["src", "poster"],
  audio: ["src"],
  track: ["src"],
  embed: ["src"],
  object: ["data"],
  form: ["action"],
};
const SRCSET_TAGS = new Set(["img", "source"]);
// Hints to the browser, not resources the page depends on.
const SKIPPED_LINK_RELS = new Set(["preconnect", "dns-prefetch"]);

/** Split a srcset into its URLs ("a.avif 480w, b.avif 960w" → ["a.avif", "b.avif"]). */
function srcsetUrls(srcset: string): string[] {
  return srcset
    .split(",")
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? "")
    .filter((url) => url !== "");
}

/** The ids (and legacy `<a name>`) a page defines and every URL it references. */
export function htmlFacts(html: string): HtmlFacts {
  const ids = new Set<string>();
  const refs: HtmlRef[] = [];
  const parser = new Parser(
    {
      onopentag(tag, attrs) {
        if (attrs.id !== undefined) ids.add(attrs.id);
        if (tag === "a" && attrs.name !== undefined) ids.add(attrs.name);
        if (tag === "link" && (attrs.rel ?? "").split(/\s+/).some((rel) => SKIPPED_LINK_RELS.has(rel))) return;
        for (const attr of URL_ATTRS[tag] ?? []) {
          const url = attrs[attr];
          if (url !== undefined) refs.push({ tag, attr, url: url.trim() });
        }
        if (SRCSET_TAGS.has(tag) && attrs.srcset !== undefined) {
          for (const url of srcsetUrls(attrs.srcset)) refs.push({ tag, attr: "srcset", url });
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  return { ids, refs };
}
