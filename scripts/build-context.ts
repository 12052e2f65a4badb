import { buildAssets, type Assets } from "./assets.ts";
import { contentDir, isPreview } from "./config.ts";
import { ContentError, formatIssue } from "./content/issues.ts";
import { loadSite } from "./content/load-site.ts";
import type { SiteModel } from "./model/types.ts";
import { renderSidebar } from "./sidebar.ts";

/** Everything the templates share, computed once per build. */
export interface BuildContext {
  model: SiteModel;
  assets: Assets;
  /** The sidebar, rendered once and reused on every page. */
  sidebarHtml: string;
}

let preloaded: Promise<BuildContext> | undefined;

/** Compute the context ahead of Eleventy (to fail fast); Eleventy's next request takes it. */
export function preloadBuildContext(): Promise<BuildContext> {
  preloaded = computeBuildContext();
  return preloaded;
}

/** Eleventy's global data: a fresh context for each build (or rebuild in `npm start`). */
export function createBuildContext(): Promise<BuildContext> {
  const ready = preloaded;
  preloaded = undefined;
  return ready ?? computeBuildContext();
}

async function computeBuildContext(): Promise<BuildContext> {
  const { model, issues } = await loadSite({ contentDir, preview: isPreview() });
  for (const w of issues.filter((i) => i.severity === "warning")) console.warn(formatIssue(w));
  if (!model) throw new ContentError(issues);
  const [assets, sidebarHtml] = await Promise.all([buildAssets(), renderSidebar(model)]);
  return { model, assets, sidebarHtml };
}
