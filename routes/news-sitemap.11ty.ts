import { newsSitemap } from "../scripts/publish/site-files.ts";
import type { RouteData } from "./route.ts";

export const data = { permalink: "/sitemap-news.xml", eleventyExcludeFromCollections: true };

export function render({ build }: RouteData) {
  return newsSitemap(build.model);
}
