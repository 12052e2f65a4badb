import { redirects } from "../scripts/publish/site-files.ts";
import type { RouteData } from "./route.ts";

export const data = { permalink: "/_redirects", eleventyExcludeFromCollections: true };

export function render({ build }: RouteData) {
  return redirects(build.model);
}
