import { siteFeed } from "../scripts/publish/site-files.ts";
import type { RouteData } from "./route.ts";

export const data = { permalink: "/feed.xml", eleventyExcludeFromCollections: true };

export function render({ build }: RouteData) {
  return siteFeed(build.model);
}
