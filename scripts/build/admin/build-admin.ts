import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { stringify } from "yaml";
import type { SiteModel } from "../model/types.ts";
import { cmsBundle } from "./bundle.ts";
import { cmsConfig, localBackendUrlFromEnv, type AdminOptions } from "./config.ts";
import { cmsRepository } from "./github-repo.ts";
import { defaultContentPath, writeTreeIndex } from "./tree-index.ts";
import { ADMIN } from "../urls.ts";

const page = (script: string, stylesheet?: string) => `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Quản trị nội dung</title>
${stylesheet ? `<meta name="site-stylesheet" content="${stylesheet}">\n` : ""}</head>
<body>
<script src="${ADMIN}${script}"></script>
</body>
</html>
`;

/**
 * Writes /admin/ (Decap CMS) into the built site: index.html, config.yml with the
 * categories of the content tree, the hashed CMS bundle and the tree's index (tree-index.ts).
 * Called after the site build; `stylesheet` is the site's CSS, which the preview pane uses.
 */
export async function buildAdmin(
  outputDir: string,
  model: SiteModel,
  options: Partial<AdminOptions> & { stylesheet?: string } = {},
): Promise<void> {
  const contentPath = options.contentPath ?? defaultContentPath(model.contentDir);
  const config = cmsConfig(model.categoriesData, {
    // A backend given by the caller (tests, decap-server) wins over the environment's.
    githubRepo: options.githubRepo ?? (options.localBackendUrl ? undefined : cmsRepository()),
    branch: process.env.CMS_BRANCH,
    localBackendUrl: localBackendUrlFromEnv(),
    ...options,
    contentPath,
  });
  const bundle = await cmsBundle();
  const dir = join(outputDir, "admin");
  await mkdir(dir, { recursive: true });
  await Promise.all([
    writeFile(join(dir, "config.yml"), stringify(config, { lineWidth: 0, aliasDuplicateObjects: false })),
    writeFile(join(dir, bundle.name), bundle.code),
    writeFile(join(dir, "index.html"), page(bundle.name, options.stylesheet)),
    writeTreeIndex(outputDir, model, contentPath),
  ]);
}
