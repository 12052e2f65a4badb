import { sitemap } from "../scripts/publish/site-files.ts";
import type { RouteData } from "./route.ts";

export const data = { permalink: "/sitemap.xml", eleventyExcludeFromCollections: true };

export function render({ build }: RouteData) {
  return sitemap(build.model);
}
