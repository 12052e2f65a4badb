import { ArchiveIndexPage } from "../layouts/listing.tsx";
import { renderDocument } from "../scripts/build/render/document.ts";
import type { RouteData } from "./route.ts";
import { FIXED_PAGES } from "../scripts/build/urls.ts";

export const data = { permalink: FIXED_PAGES.archive, eleventyExcludeFromCollections: true };

export function render({ build }: RouteData) {
  return renderDocument(<ArchiveIndexPage build={build} />);
}
