import { StaticPage } from "../layouts/page.tsx";
import type { Page } from "../scripts/model/types.ts";
import { renderDocument } from "../scripts/render/document.ts";
import type { RouteData } from "./route.ts";

type Data = RouteData<{ page: Page }>;

export const data = {
  pagination: { data: "build.model.pages", size: 1, alias: "page" },
  permalink: (d: Data) => d.page.url,
  eleventyExcludeFromCollections: true,
};

export function render({ build, page }: Data) {
  return renderDocument(<StaticPage build={build} page={page} />);
}
