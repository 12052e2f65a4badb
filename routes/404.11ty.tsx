import { NotFoundPage } from "../layouts/page.tsx";
import { renderDocument } from "../scripts/render/document.ts";
import type { RouteData } from "./route.ts";

export const data = { permalink: "/404.html", eleventyExcludeFromCollections: true };

export function render({ build }: RouteData) {
  return renderDocument(<NotFoundPage build={build} />);
}
