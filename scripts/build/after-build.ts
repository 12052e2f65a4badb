import { buildAdmin } from "./admin/build-admin.ts";
import { writeAssets } from "./assets.ts";
import type { BuildContext } from "./build-context.ts";
import { publishDocuments } from "./publish/media-files.ts";
import { writeDefaultOgImage } from "./publish/og-image.ts";
import { buildSearchIndex, buildSearchIndexInWorker } from "./search/build-index.ts";
import { searchDocuments } from "./search/from-model.ts";

/**
 * The index is built from the model, not from the rendered pages, so a production build
 * starts it before Eleventy renders, in a worker thread: it and Pagefind's own process then
 * work on the other core.
 */
export function startSearchIndex(build: BuildContext, outputDir: string): void {
  const index = buildSearchIndexInWorker(searchDocuments(build.model), outputDir);
  // Handled where afterBuild awaits it: a failure while Eleventy still renders must not end the
  // process as an unhandled rejection (a stack trace, the staging folder and lock left behind).
  index.catch(() => {});
  build.searchIndex = index;
}

/** What is written after Eleventy has rendered the pages: assets, share image, images and documents, search index, editor UI. */
export async function afterBuild(build: BuildContext, outputDir: string): Promise<void> {
  build.stats.endStage("render");
  const { model } = build;
  await Promise.all([
    writeAssets(outputDir, build.assets),
    writeDefaultOgImage(outputDir, model.site.name),
    buildAdmin(outputDir, model, { stylesheet: build.assets.css }),
    build.images.publish(),
    publishDocuments(model.contentDir, outputDir),
  ]);
  build.stats.endStage("write");
  const index = await (build.searchIndex ?? buildSearchIndex(searchDocuments(model), outputDir));
  if (index.fromCache) console.log("Search index: nothing indexed changed; the bundle kept in .cache/search/ was copied.");
  build.stats.endStage("search");
}
