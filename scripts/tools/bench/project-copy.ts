import { cp, symlink } from "node:fs/promises";
import { join } from "node:path";

const CODE = [".eleventy.ts", "layouts", "routes", "widgets", "scripts", "assets", "netlify", "types", "package.json", "package-lock.json", "tsconfig.json", "netlify.toml"];

/**
 * The project's code (not content/) copied to `dest`, with node_modules linked: `npm start` run there
 * can have its templates edited (bench, tests) without touching the repository's.
 */
export async function copyProjectCode(root: string, dest: string): Promise<void> {
  for (const entry of CODE) await cp(join(root, entry), join(dest, entry), { recursive: true });
  await symlink(join(root, "node_modules"), join(dest, "node_modules"));
}
