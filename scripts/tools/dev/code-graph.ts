import { readdirSync } from "node:fs";
import { join, resolve, sep } from "node:path";
import { build } from "esbuild";
import { TEMPLATE_DIRS } from "./template-versions.ts";

const isTemplate = (file: string) => TEMPLATE_DIRS.some((dir) => file.startsWith(resolve(dir) + sep));

/**
 * The project files a running renderer keeps as first imported: its own static imports, and whatever
 * a file outside layouts/, routes/ and widgets/ imports (template-versions.ts gives new versions only
 * to templates imported by templates). A change to any other template file can be loaded in place.
 * Undefined when the code does not bundle (a syntax error): then the renderer is started again.
 */
export async function filesLoadedOnce(renderer: string): Promise<Set<string> | undefined> {
  const routes = readdirSync("routes").filter((f) => /\.11ty\.tsx?$/.test(f)).map((f) => join("routes", f));
  const entries = [renderer, ...routes, "widgets/sidebar.tsx", "widgets/registry.ts"];
  const result = await build({ entryPoints: entries, bundle: true, write: false, metafile: true, platform: "node", format: "esm", packages: "external", outdir: "/nowhere", logLevel: "silent" }).catch(() => undefined);
  if (!result) return undefined;
  const imports = new Map(Object.entries(result.metafile.inputs).map(([file, input]) => [resolve(file), input.imports.filter((i) => !i.external).map((i) => resolve(i.path))]));
  const once = new Set<string>();
  const visit = (file: string) => {
    if (once.has(file)) return;
    once.add(file);
    for (const next of imports.get(file) ?? []) visit(next);
  };
  visit(resolve(renderer));
  for (const file of imports.keys()) if (!isTemplate(file)) visit(file);
  return once;
}

/** Whether the changed code files can be taken up by importing the templates again. */
export function templatesOnly(changed: string[], loadedOnce: Set<string> | undefined): boolean {
  return loadedOnce !== undefined && changed.every((file) => isTemplate(file) && !loadedOnce.has(file));
}
