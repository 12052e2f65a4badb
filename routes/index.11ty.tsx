import { HomePage } from "../layouts/home.tsx";
import { renderDocument } from "../scripts/build/render/document.ts";
import type { RouteData } from "./route.ts";
import { FIXED_PAGES } from "../scripts/build/urls.ts";

export const data = { permalink: FIXED_PAGES.home, eleventyExcludeFromCollections: true };

export function render({ build }: RouteData) {
  return renderDocument(<HomePage build={build} />);
}
