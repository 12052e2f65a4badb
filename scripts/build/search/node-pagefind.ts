import path from "node:path";
import { pathToFileURL } from "node:url";
import type { PagefindApi } from "./ranking.ts";

/**
 * Load the pagefind.js that Pagefind wrote into `siteDir`, in Node, fetching the index over
 * HTTP from `origin` (a server for `siteDir`) exactly as a browser would.
 */
export async function loadPagefind(siteDir: string, origin: string): Promise<PagefindApi> {
  const moduleUrl = pathToFileURL(path.join(siteDir, "pagefind", "pagefind.js")).href;
  const { createInstance } = (await import(moduleUrl)) as {
    createInstance(options: Record<string, unknown>): PagefindApi;
  };
  return createInstance({ basePath: `${origin}/pagefind/`, baseUrl: "/", noWorker: true });
}
