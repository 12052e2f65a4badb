// The renderer process of `npm start`: holds the content model in memory, updates it per changed
// file and renders the requested URL on demand with the production routes and layouts. A change to
// a template (layouts/, routes/, widgets/) is taken up by importing the templates again under a new
// version (template-versions.ts); the dev server restarts the renderer for any other code change.
import { register } from "node:module";
import { join, sep } from "node:path";
import { writeDefaultOgImage } from "../../build/publish/og-image.ts";
import { buildAdmin } from "../../build/admin/build-admin.ts";
import { writeTreeIndex } from "../../build/admin/tree-index.ts";
import { buildAssets, writeAssets, type Assets } from "../../build/assets.ts";
import type { BuildContext } from "../../build/build-context.ts";
import { BuildStats } from "../../build/build-stats.ts";
import { contentDir, isPreview, outputDir } from "../../build/config.ts";
import { ContentError, formatIssue, sortIssues } from "../../build/content/issues.ts";
import { transformImagesInHtml } from "../../build/images/html.ts";
import { ImagePipeline } from "../../build/images/pipeline.ts";
import { imageRefs } from "../../build/images/refs.ts";
import type { SiteModel } from "../../build/model/types.ts";
import { checkInBackground } from "./background-check.ts";
import { ContentState } from "./content-state.ts";
import { errorPage } from "./error-page.ts";
import type { FromRenderer, ToRenderer } from "./protocol.ts";
import { loadRoutes, routeTable, type RouteEntry } from "./routes.ts";
import { VERSION_PARAM } from "./template-versions.ts";
import { FIXED_FILES } from "../../build/urls.ts";

type Problem = Parameters<typeof errorPage>[0];

const send = (message: FromRenderer) => process.send?.(message);
const dataDir = join(contentDir, "_data") + sep;
const mediaDir = join(contentDir, "media") + sep;
const preview = isPreview();

register(new URL("./template-versions.ts", import.meta.url));

interface Templates {
  routes: Awaited<ReturnType<typeof loadRoutes>>;
  sidebar: typeof import("../../../widgets/sidebar.tsx");
  registry: typeof import("../../../widgets/registry.ts");
}
let templateVersion = 0;
/** Routes, sidebar and widgets, imported afresh (with every layout and widget they import). */
async function loadTemplates(): Promise<Templates> {
  const version = ++templateVersion;
  const fresh = (file: string) => `${new URL(`../../../${file}`, import.meta.url).href}?${VERSION_PARAM}=${version}`;
  const [routes, sidebar, registry] = await Promise.all([loadRoutes(version), import(fresh("widgets/sidebar.tsx")), import(fresh("widgets/registry.ts"))]);
  return { routes, sidebar, registry };
}

const state = new ContentState(contentDir, preview);
let templates = await loadTemplates();
/** A template that failed to import: every page shows it until a later import succeeds. */
let templateError: Error | undefined;

async function reloadTemplates(): Promise<void> {
  const started = performance.now();
  try {
    templates = await loadTemplates();
    templateError = undefined;
    console.log(`[dev] templates imported again in ${Math.round(performance.now() - started)} ms`);
  } catch (error) {
    templateError = error as Error;
  }
}
let images = new ImagePipeline({ contentDir, outputDir });
let published = -1;
let assets: Assets | undefined;
let build: BuildContext | undefined;
let table = new Map<string, RouteEntry>();
let problem: Problem | undefined;
let checkProblem: Problem | undefined;
let generation = 0;

/** Apply one batch of changed paths (undefined: everything). Never throws: failures become `problem`. */
async function update(paths?: string[]): Promise<void> {
  const started = performance.now();
  const laps: string[] = [];
  let mark = started;
  const lap = (what: string) => {
    const now = performance.now();
    laps.push(`${what} ${Math.round(now - mark)}`);
    mark = now;
  };
  generation++;
  try {
    if (templateError) throw templateError;
    if (!assets || paths?.some((p) => !p.startsWith(contentDir))) {
      assets = await buildAssets(templates.registry.WIDGETS);
      await writeAssets(outputDir, assets);
    }
    if (paths?.some((p) => p.startsWith(mediaDir))) images = new ImagePipeline({ contentDir, outputDir });
    const snapshot = await state.update(paths);
    lap("model");
    // Warnings of the files just read (all of them at start-up), not the whole tree's on every save.
    const changedFiles = new Set(snapshot.changed.map((d) => d.file));
    for (const w of snapshot.issues) if (w.severity === "warning" && (!paths || changedFiles.has(w.file))) console.log(formatIssue(w));
    if (!snapshot.model) throw new ContentError(snapshot.issues);
    const model = snapshot.model;
    const changedDocs = new Set(snapshot.changed.map((d) => d.sourcePath));
    const fresh = images.stats.encodedImages + images.stats.cachedImages === 0 || !paths;
    await images.prepare(
      imageRefs(
        fresh ? model : ({ ...model, articles: model.articles.filter((a) => changedDocs.has(a.sourcePath)), pages: model.pages.filter((p) => changedDocs.has(p.sourcePath)) } as SiteModel),
      ),
    );
    await publishImages();
    lap("images");
    const sidebar = await templates.sidebar.loadSidebarData(model.contentDir, model.articles);
    if (sidebar.issues.some((i) => i.severity === "error")) throw new ContentError(sidebar.issues);
    const sidebarHtml = templates.sidebar.renderSidebar(sidebar.data);
    lap("sidebar");
    if (!paths || paths.some((p) => p.startsWith(dataDir))) {
      await Promise.all([buildAdmin(outputDir, model), writeDefaultOgImage(outputDir, model.site.name)]);
    } else await writeTreeIndex(outputDir, model);
    build = { model, assets, sidebarHtml, images, stats: new BuildStats() };
    table = routeTable(templates.routes, build);
    lap("routes");
    problem = undefined;
    const took = `${Math.round(performance.now() - started)} ms (${laps.join(", ")})`;
    if (paths) console.log(`[dev] ${paths.length} change(s) → ${model.articles.length} articles, ${table.size} pages in ${took}`);
    scheduleBackground();
  } catch (error) {
    problem = error instanceof ContentError ? { issues: error.issues } : { error: error as Error };
    report(problem);
  }
}

function report(p: Problem): void {
  if ("issues" in p || "lines" in p) {
    const errors = "lines" in p ? p.lines : sortIssues(p.issues).filter((i) => i.severity === "error").map(formatIssue);
    console.error(`\n[dev] ${errors.length} lỗi nội dung:\n${errors.join("\n")}\n`);
  } else console.error(`\n[dev] lỗi khi dựng trang:\n${p.error.stack ?? p.error.message}\n`);
}

async function publishImages(): Promise<void> {
  const count = images.stats.encodedImages + images.stats.cachedImages;
  if (count === published) return;
  published = count;
  await images.publish();
}

// The whole tree's checks (links, duplicates, lengths, images) and the search index run after the
// page is served, in a low-priority process; a check error then replaces every page with the error
// page, and the browser reloads to show it.
let backgroundTimer: NodeJS.Timeout | undefined;
function scheduleBackground(): void {
  clearTimeout(backgroundTimer);
  const mine = generation;
  backgroundTimer = setTimeout(() => {
    checkInBackground({ CONTENT_DIR: contentDir, OUTPUT_DIR: outputDir }, (errors) => {
      if (mine !== generation) return;
      const before = checkProblem !== undefined;
      checkProblem = errors.length ? { lines: errors } : undefined;
      if (checkProblem) report(checkProblem);
      if (before !== (checkProblem !== undefined)) send({ type: "reload" });
    });
  }, 300);
}

async function respond(id: number, path: string): Promise<void> {
  const wanted = decodeURIComponent(path.split("?")[0]!);
  const outputPath = wanted.endsWith("/") ? `${wanted}index.html` : wanted;
  if (wanted === "/__dev/pages") {
    return void send({ type: "response", id, status: 200, contentType: "application/json", body: JSON.stringify([...table.keys()].sort()) });
  }
  const entry = table.get(outputPath);
  if (!entry) {
    // /x without its slash: Netlify redirects to /x/, so do we.
    if (table.has(`${wanted}/index.html`)) return void send({ type: "response", id, status: 301, body: `${wanted}/` });
    return void send({ type: "response", id, status: 0 });
  }
  const html = outputPath.endsWith(".html");
  const shown = problem ?? checkProblem;
  if (shown) return void send({ type: "response", id, status: 500, contentType: "text/html; charset=utf-8", body: errorPage(shown) });
  try {
    let body = await entry.render();
    if (html) {
      body = await transformImagesInHtml(body, { images, page: join(outputDir, outputPath) });
      await publishImages();
    }
    const status = outputPath === FIXED_FILES.notFound ? 404 : 200;
    send({ type: "response", id, status, contentType: contentTypeOf(outputPath), body });
  } catch (error) {
    const failed = error instanceof ContentError ? { issues: error.issues } : { error: error as Error };
    report(failed);
    send({ type: "response", id, status: 500, contentType: "text/html; charset=utf-8", body: errorPage(failed) });
  }
}

function contentTypeOf(path: string): string {
  if (path.endsWith(".html")) return "text/html; charset=utf-8";
  if (path.endsWith(".xml")) return "application/xml; charset=utf-8";
  return "text/plain; charset=utf-8";
}

// The dev server went away (stopped, or restarted this renderer): so does the renderer.
process.on("disconnect", () => process.exit(0));

// Messages are handled in order: a request that arrives after a change waits for that change.
let queue: Promise<void> = update();
process.on("message", (message: ToRenderer) => {
  if (message.type === "changed") {
    queue = queue.then(() => update(message.paths)).then(() => void send({ type: "reload" }));
  } else if (message.type === "templates") {
    queue = queue.then(() => reloadTemplates()).then(() => update(message.paths)).then(() => void send({ type: "reload" }));
  } else {
    queue = queue.then(() => respond(message.id, message.path));
  }
});
await queue;
send({ type: "ready" });
