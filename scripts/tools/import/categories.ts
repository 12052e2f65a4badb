import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { CategoriesData } from "../../build/content/schema.ts";
import { parseYaml } from "../../build/content/yaml-source.ts";
import { cleanLine } from "./clean-text.ts";

const ALIASES_FILE = fileURLToPath(new URL("./legacy-categories.yaml", import.meta.url));

const norm = (name: string) => cleanLine(name).toLocaleLowerCase("vi");

/** Legacy breadcrumb → category key, from the alias file, else the category names. */
export function resolveCategory(breadcrumb: string[], categories: CategoriesData, aliases: Record<string, string>): string | null {
  const aliasByName = new Map(Object.entries(aliases).map(([name, key]) => [norm(name), key]));
  const leaf = breadcrumb.at(-1);
  if (!leaf) return null;
  const alias = aliasByName.get(norm(breadcrumb.join(" >> "))) ?? aliasByName.get(norm(leaf));
  if (alias) return categories[alias] ? alias : null;
  const candidates = Object.keys(categories).filter((key) => norm(categories[key]!.name) === norm(leaf));
  if (candidates.length <= 1) return candidates[0] ?? null;
  // The same name under two parents: the breadcrumb's parent decides.
  const parent = breadcrumb.at(-2);
  return candidates.find((key) => {
    const parentKey = categories[key]!.parent;
    return parent !== undefined && parentKey !== undefined && norm(categories[parentKey]?.name ?? "") === norm(parent);
  }) ?? null;
}

export async function loadCategoryAliases(path = ALIASES_FILE): Promise<Record<string, string>> {
  const parsed = parseYaml(await readFile(path, "utf8"), path);
  if ("issue" in parsed) throw new Error(`${path}:${parsed.issue.line}: ${parsed.issue.message}`);
  const value = parsed.source.value ?? {};
  if (typeof value !== "object" || Array.isArray(value) || Object.values(value).some((v) => typeof v !== "string")) {
    throw new Error(`${path}: mỗi dòng phải có dạng \`"Tên cũ": mã-chuyên-mục\``);
  }
  return value as Record<string, string>;
}
