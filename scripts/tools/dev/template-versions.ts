// Module hooks of `npm start`'s renderer (registered by renderer.ts). A template imported as
// `…?dev-version=N` passes N on to the templates it imports, so importing routes/ again with a new N
// loads every layout, route and widget afresh while the content model stays in memory. Anything
// else (scripts/, packages) is imported once, as usual: a change there starts a new renderer.
import type { ResolveHook } from "node:module";

export const VERSION_PARAM = "dev-version";
const root = new URL("../../../", import.meta.url).href;
export const TEMPLATE_DIRS = ["layouts", "routes", "widgets"];
const templateUrls = TEMPLATE_DIRS.map((dir) => `${root}${dir}/`);

export const resolve: ResolveHook = async (specifier, context, nextResolve) => {
  const resolved = await nextResolve(specifier, context);
  const version = context.parentURL?.includes(`${VERSION_PARAM}=`) ? new URL(context.parentURL).searchParams.get(VERSION_PARAM) : null;
  if (!version || !templateUrls.some((dir) => resolved.url.startsWith(dir))) return resolved;
  const url = new URL(resolved.url);
  url.searchParams.set(VERSION_PARAM, version);
  return { ...resolved, url: url.href };
};
