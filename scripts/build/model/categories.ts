import { join, relative } from "node:path";
import type { ContentIssue } from "../content/issues.ts";
import type { CategoriesData } from "../content/schema.ts";
import { categoryUrl } from "../urls.ts";
import type { Category } from "./types.ts";

/** Build the category tree from categories.yaml, in tree order (parents before their children). */
export function buildCategories(
  data: CategoriesData,
  issues: ContentIssue[],
  contentDir: string,
  lineOf: (path: readonly PropertyKey[]) => number = () => 1,
): Category[] {
  const file = relative(process.cwd(), join(contentDir, "_data", "categories.yaml"));
  const byKey = new Map<string, Category>();
  for (const [key, c] of Object.entries(data)) {
    byKey.set(key, { key, name: c.name, description: c.description, children: [], path: [], url: categoryUrl(key), articles: [] });
  }
  for (const [key, c] of Object.entries(data)) {
    if (!c.parent) continue;
    const parent = byKey.get(c.parent);
    if (!parent) {
      issues.push({ file, line: lineOf([key, "parent"]), field: `${key}.parent`, message: `không có chuyên mục cha "${c.parent}" — dùng một trong các mã: ${[...byKey.values()].map((p) => `${p.key} (${p.name})`).join(", ")}`, severity: "error" });
      continue;
    }
    byKey.get(key)!.parent = parent;
    parent.children.push(byKey.get(key)!);
  }
  const order = (x: Category) => data[x.key]?.order ?? 99;
  const ordered: Category[] = [];
  const visit = (c: Category, path: Category[]) => {
    c.path = [...path, c];
    ordered.push(c);
    for (const child of [...c.children].sort((a, b) => order(a) - order(b))) visit(child, c.path);
  };
  for (const root of [...byKey.values()].filter((c) => !c.parent).sort((a, b) => order(a) - order(b))) visit(root, []);
  // What no root reaches sits in a loop of parents (a → b → a, or a → a): its articles would vanish.
  for (const c of byKey.values()) {
    if (ordered.includes(c)) continue;
    const chain = [c];
    let p = c.parent!;
    for (; !chain.includes(p); p = p.parent!) chain.push(p);
    const message = `các chuyên mục ${[...chain, p].map((x) => x.key).join(" → ")} làm thành một vòng, không chuyên mục nào là gốc — xóa dòng \`parent:\` ở một chuyên mục trong vòng`;
    issues.push({ file, line: lineOf([c.key, "parent"]), field: `${c.key}.parent`, message, severity: "error" });
  }
  return ordered;
}

/** Every category as a choice for editors (`npm run new`, the editor UI): its key and its full path of names. */
export function categoryChoices(categories: CategoriesData): { key: string; label: string }[] {
  return buildCategories(categories, [], ".").map((c) => ({ key: c.key, label: c.path.map((p) => p.name).join(" › ") }));
}
