import { NotFoundPage } from "../layouts/page.tsx";
import { renderDocument } from "../scripts/build/render/document.ts";
import type { RouteData } from "./route.ts";
import { FIXED_FILES } from "../scripts/build/urls.ts";

export const data = { permalink: FIXED_FILES.notFound, eleventyExcludeFromCollections: true };

export function render({ build }: RouteData) {
  return renderDocument(<NotFoundPage build={build} />);
}
