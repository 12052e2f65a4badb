import { siteFeed } from "../scripts/build/publish/site-files.ts";
import type { RouteData } from "./route.ts";
import { FIXED_FILES } from "../scripts/build/urls.ts";

export const data = { permalink: FIXED_FILES.feed, eleventyExcludeFromCollections: true };

export function render({ build }: RouteData) {
  return siteFeed(build.model);
}
