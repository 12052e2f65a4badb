import { SearchPageLayout } from "../layouts/search.tsx";
import { renderDocument } from "../scripts/render/document.ts";
import type { RouteData } from "./route.ts";
import { FIXED_PAGES } from "../scripts/urls.ts";

export const data = { permalink: FIXED_PAGES.search, eleventyExcludeFromCollections: true };

export function render({ build }: RouteData) {
  return renderDocument(<SearchPageLayout build={build} />);
}
