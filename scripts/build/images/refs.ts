import type { SiteModel } from "../model/types.ts";
import type { ImageRef } from "./check.ts";
import { parseImg } from "./html.ts";

const IMG = /<img\b(?:[^>"']|"[^"]*"|'[^']*')*>/gi;

/**
 * Every image the model's documents use, with the line that refers to it:
 * covers (front-matter `image`, at its YAML line) and body images (the
 * rendered `<img>` tags, which appear in the same order as the renderer's
 * image references, so each takes its reference's line and its alt text).
 */
export function imageRefs(model: SiteModel): ImageRef[] {
  const refs: ImageRef[] = [];
  for (const doc of [...model.articles, ...model.pages]) {
    if (doc.kind === "article" && doc.image) {
      refs.push({ file: doc.file, line: doc.lineOf(["image"]), field: "image", src: doc.image, cover: true });
    }
    const lines = doc.references.filter((r) => r.kind === "image").map((r) => r.line);
    [...doc.html.matchAll(IMG)].forEach((match, i) => {
      const attrs = parseImg(match[0]);
      if (attrs?.src) refs.push({ file: doc.file, line: lines[i] ?? doc.bodyLine, field: "image", src: attrs.src, alt: attrs.alt ?? "" });
    });
  }
  return refs;
}
