import type { VNode } from "preact";
import type { BuildContext } from "../scripts/build/build-context.ts";
import type { SiteModel } from "../scripts/build/model/types.ts";
import { renderDocument } from "../scripts/build/render/document.ts";

/** The data every route receives from Eleventy: the shared build context plus its pagination alias. */
export type RouteData<T = unknown> = { build: BuildContext } & T;

type ListOf<K extends keyof SiteModel> = SiteModel[K] extends readonly (infer T extends { url: string })[] ? T : never;

/** One page per item of a model list (articles, pages, listings); each item carries its own URL. */
export function onePagePer<K extends "articles" | "pages" | "listings">(list: K, page: (build: BuildContext, item: ListOf<K>) => VNode) {
  type Data = RouteData<{ item: ListOf<K> }>;
  return {
    data: {
      pagination: { data: `build.model.${list}`, size: 1, alias: "item" },
      permalink: (d: Data) => d.item.url,
      eleventyExcludeFromCollections: true,
    },
    render: ({ build, item }: Data) => renderDocument(page(build, item)),
  };
}
