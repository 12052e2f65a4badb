import { resolve } from "node:path";

/** Where content comes from and where the site goes; overridable for fixture sites and benchmarks. */
export const contentDir = resolve(process.env.CONTENT_DIR ?? "content");
/** The published site folder. */
export const siteDir = resolve(process.env.OUTPUT_DIR ?? "_site");

/**
 * Where this process writes the site: siteDir, except in a production build, which writes into a
 * fresh folder beside it and swaps that in only when every stage succeeded (scripts/tools/cli/build.ts).
 * Every stage (Eleventy, images, search index, editor UI) reads this binding when it starts.
 */
export let outputDir = siteDir;

export function writeOutputTo(dir: string): void {
  outputDir = dir;
}

/**
 * Preview shows drafts and future articles. It is on for `npm start` (Eleventy's serve/watch
 * modes) and off for production builds, unless PREVIEW is set explicitly.
 */
export function isPreview(): boolean {
  if (process.env.PREVIEW) return process.env.PREVIEW === "1" || process.env.PREVIEW === "true";
  const mode = process.env.ELEVENTY_RUN_MODE;
  return mode === "serve" || mode === "watch";
}
