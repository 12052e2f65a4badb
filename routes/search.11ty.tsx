import { SearchPageLayout } from "../layouts/search.tsx";
import { renderDocument } from "../scripts/build/render/document.ts";
import type { RouteData } from "./route.ts";
import { FIXED_PAGES } from "../scripts/build/urls.ts";

export const data = { permalink: FIXED_PAGES.search, eleventyExcludeFromCollections: true };

export function render({ build }: RouteData) {
  return renderDocument(<SearchPageLayout build={build} />);
}
