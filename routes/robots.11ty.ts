import { robots } from "../scripts/publish/site-files.ts";
import type { RouteData } from "./route.ts";

export const data = { permalink: "/robots.txt", eleventyExcludeFromCollections: true };

export function render({ build }: RouteData) {
  return robots(build.model);
}
