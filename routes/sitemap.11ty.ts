import { sitemap } from "../scripts/build/publish/site-files.ts";
import type { RouteData } from "./route.ts";
import { FIXED_FILES } from "../scripts/build/urls.ts";

export const data = { permalink: FIXED_FILES.sitemap, eleventyExcludeFromCollections: true };

export function render({ build }: RouteData) {
  return sitemap(build.model);
}
