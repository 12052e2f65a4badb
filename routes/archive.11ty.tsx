import { ArchiveIndexPage } from "../layouts/listing.tsx";
import { renderDocument } from "../scripts/render/document.ts";
import type { RouteData } from "./route.ts";

export const data = { permalink: "/luu-tru/", eleventyExcludeFromCollections: true };

export function render({ build }: RouteData) {
  return renderDocument(<ArchiveIndexPage build={build} />);
}
