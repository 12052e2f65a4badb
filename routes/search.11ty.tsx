import { SearchPageLayout } from "../layouts/search.tsx";
import { renderDocument } from "../scripts/render/document.ts";
import type { RouteData } from "./route.ts";

export const data = { permalink: "/tim-kiem/", eleventyExcludeFromCollections: true };

export function render({ build }: RouteData) {
  return renderDocument(<SearchPageLayout build={build} />);
}
