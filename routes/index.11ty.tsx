import { HomePage } from "../layouts/home.tsx";
import { renderDocument } from "../scripts/render/document.ts";
import type { RouteData } from "./route.ts";

export const data = { permalink: "/", eleventyExcludeFromCollections: true };

export function render({ build }: RouteData) {
  return renderDocument(<HomePage build={build} />);
}
