import type { VNode } from "preact";
import { renderToString } from "preact-render-to-string";

/** Serialise a page component to a full HTML document. */
export function renderDocument(page: VNode): string {
  return `<!doctype html>\n${renderToString(page)}`;
}
