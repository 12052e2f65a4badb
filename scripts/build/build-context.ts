import { buildAssets, type Assets } from "./assets.ts";
import { BuildStats } from "./build-stats.ts";
import { contentDir, isPreview, outputDir } from "./config.ts";
import { validateContent } from "./check/validate.ts";
import { ContentError, formatIssue } from "./content/issues.ts";
import { ImagePipeline } from "./images/pipeline.ts";
import { imageRefs } from "./images/refs.ts";
import type { SiteModel } from "./model/types.ts";
import type { SearchIndexSummary } from "./search/build-index.ts";
import { WIDGETS } from "../../widgets/registry.ts";
import { renderSidebar } from "../../widgets/sidebar.tsx";

/** Everything the templates share, computed once per build. */
export interface BuildContext {
  model: SiteModel;
  assets: Assets;
  /** The sidebar, rendered once and reused on every page. */
  sidebarHtml: string;
  /** Encoded before rendering; pages' images are rewritten by the transform, files copied after. */
  images: ImagePipeline;
  /** This build's stage timings. */
  stats: BuildStats;
  /** The search index, when it was started before rendering (production builds). */
  searchIndex?: Promise<SearchIndexSummary>;
}

let preloaded: Promise<BuildContext> | undefined;

/** Compute the context ahead of Eleventy (to fail fast); Eleventy's next request takes it. */
export function preloadBuildContext(): Promise<BuildContext> {
  preloaded = computeBuildContext();
  return preloaded;
}

/**
 * Eleventy's global data: a fresh context for each build (or rebuild in `npm start`). Frozen, so
 * Eleventy hands it to templates by reference: its data cascade deep-copies unfrozen plain objects
 * and wraps them in a fresh Proxy on every access from a paginated page.
 */
export async function createBuildContext(): Promise<BuildContext> {
  const ready = preloaded;
  preloaded = undefined;
  return Object.freeze(await (ready ?? computeBuildContext()));
}

async function computeBuildContext(): Promise<BuildContext> {
  const stats = new BuildStats();
  // The very checks of `npm run check`: whatever it rejects stops the build before anything is written.
  const { model, issues, sidebar } = await validateContent({ contentDir, preview: isPreview(), lenient: isPreview() });
  if (!model || !sidebar) throw new ContentError(issues);
  for (const w of issues) console.log(formatIssue(w));
  stats.endStage("load");
  const images = new ImagePipeline({ contentDir, outputDir });
  await images.prepare(imageRefs(model));
  stats.endStage("images");
  const [assets, sidebarHtml] = await Promise.all([buildAssets(WIDGETS), renderSidebar(sidebar)]);
  stats.endStage("assets");
  return { model, assets, sidebarHtml, images, stats };
}
