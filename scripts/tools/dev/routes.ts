import { readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { BuildContext } from "../../build/build-context.ts";
import { VERSION_PARAM } from "./template-versions.ts";

/** What an Eleventy template in routes/ exports: front-matter data and a render function. */
interface RouteModule {
  data: {
    permalink: string | ((data: Record<string, unknown>) => string);
    pagination?: { data: string; size: 1; alias: string };
  };
  render(data: Record<string, unknown>): string | Promise<string>;
}

export interface RouteEntry {
  /** Output path as Eleventy writes it, e.g. /tin-tuc/2020/01/x/index.html or /feed.xml. */
  outputPath: string;
  render(): string | Promise<string>;
}

const ROUTES_DIR = resolve("routes");

/** Import every template of routes/ (the same ones the production build gives Eleventy), as `version` (template-versions.ts). */
export async function loadRoutes(version: number): Promise<RouteModule[]> {
  const files = readdirSync(ROUTES_DIR).filter((f) => /\.11ty\.tsx?$/.test(f)).sort();
  return Promise.all(files.map(async (f) => (await import(`${pathToFileURL(join(ROUTES_DIR, f)).href}?${VERSION_PARAM}=${version}`)) as RouteModule));
}

function lookup(data: Record<string, unknown>, path: string): unknown[] {
  const value = path.split(".").reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key], data);
  if (!Array.isArray(value)) throw new Error(`routes: pagination data ${path} is not a list`);
  return value;
}

/** Eleventy's rule: a permalink ending in / is written to index.html inside it. */
function outputPathOf(permalink: string): string {
  return permalink.endsWith("/") ? `${permalink}index.html` : permalink;
}

/** Every URL of the site for one build context, keyed by output path, rendered only when asked. */
export function routeTable(modules: RouteModule[], build: BuildContext): Map<string, RouteEntry> {
  const table = new Map<string, RouteEntry>();
  for (const mod of modules) {
    const { pagination, permalink } = mod.data;
    const pages: Record<string, unknown>[] = pagination
      ? lookup({ build }, pagination.data).map((item) => ({ build, [pagination.alias]: item }))
      : [{ build }];
    for (const data of pages) {
      const url = typeof permalink === "function" ? permalink(data) : permalink;
      const outputPath = outputPathOf(url);
      if (table.has(outputPath)) throw new Error(`routes: two pages write ${outputPath}`);
      table.set(outputPath, { outputPath, render: () => mod.render(data) });
    }
  }
  return table;
}
