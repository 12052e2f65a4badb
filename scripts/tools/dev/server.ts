// `npm start`: the dev server. Pages are rendered on request by a renderer process (renderer.ts)
// that keeps the content model in memory and updates it per changed file; this process serves
// HTTP, watches the files, pushes live reload (Server-Sent Events) to pages — never to /admin/ —
// and restarts the renderer when code changes, so layouts, widgets and routes are re-imported.
import { fork, type ChildProcess } from "node:child_process";
import chokidar from "chokidar";
import { existsSync } from "node:fs";
import { readFile, rm, stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { extname, join, normalize, resolve, sep } from "node:path";
import { parseArgs } from "node:util";
import { contentDir, outputDir } from "../../build/config.ts";
import { PUBLISHED_TYPES, mediaFileProblem } from "../../build/publish/media-files.ts";
import { functionsMiddleware } from "./functions-middleware.ts";
import { filesLoadedOnce, templatesOnly } from "./code-graph.ts";
import type { FromRenderer, ToRenderer } from "./protocol.ts";
import { FIXED_FILES } from "../../build/urls.ts";

process.env.ELEVENTY_RUN_MODE ??= "serve"; // preview: drafts and future articles (scripts/build/config.ts)

const { values } = parseArgs({ options: { port: { type: "string", default: process.env.PORT ?? "8080" } }, strict: false });
const port = Number(values.port);
const RENDERER = resolve("scripts/tools/dev/renderer.ts");
/** Code the renderer imports: a change restarts it. Content and CSS are updated in place. */
const CODE = ["layouts", "widgets", "routes", "scripts", "assets"].map((d) => resolve(d));
const TYPES: Record<string, string> = {
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".yml": "text/yaml; charset=utf-8",
  ".html": "text/html; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".ico": "image/x-icon",
  ".wasm": "application/wasm",
};
const RELOAD_SCRIPT = `new EventSource("/__dev/events").onmessage = () => location.reload();\n`;
const RELOAD_TAG = `<script src="/__dev/reload.js"></script>`;

// --- the renderer process -------------------------------------------------------------------

let renderer: ChildProcess | undefined;
let ready: Promise<void> = Promise.resolve();
let nextId = 0;
const waiting = new Map<number, (reply: Extract<FromRenderer, { type: "response" }>) => void>();

function startRenderer(): void {
  const child = fork(RENDERER, [], { execArgv: ["--import", "tsx", "--max-semi-space-size=32"], stdio: "inherit" });
  renderer = child;
  ready = new Promise((done) => {
    child.on("message", (message: FromRenderer) => {
      if (message.type === "ready") {
        done();
        reloadBrowsers();
      } else if (message.type === "reload") reloadBrowsers();
      else waiting.get(message.id)?.(message);
    });
    child.on("exit", (code, signal) => {
      if (renderer !== child) return;
      done();
      renderer = undefined;
      console.error(`[dev] the renderer stopped (${signal ?? code}); save a file to start it again`);
      for (const [id, reply] of waiting) reply({ type: "response", id, status: 500, contentType: "text/plain; charset=utf-8", body: "renderer stopped" });
      waiting.clear();
    });
  });
}

function restartRenderer(): void {
  const old = renderer;
  renderer = undefined;
  old?.kill();
  for (const [id, reply] of waiting) reply({ type: "response", id, status: 503, contentType: "text/plain; charset=utf-8", body: "restarting" });
  waiting.clear();
  startRenderer();
}

async function ask(path: string): Promise<Extract<FromRenderer, { type: "response" }>> {
  await ready;
  if (!renderer) startRenderer();
  await ready;
  const id = nextId++;
  return new Promise((resolveReply) => {
    waiting.set(id, (reply) => {
      waiting.delete(id);
      resolveReply(reply);
    });
    renderer!.send({ type: "request", id, path } satisfies ToRenderer);
  });
}

// --- live reload --------------------------------------------------------------------------

const listeners = new Set<ServerResponse>();
function reloadBrowsers(): void {
  for (const res of listeners) res.write("data: reload\n\n");
}

// --- watching -----------------------------------------------------------------------------

let pending = new Set<string>();
let timer: NodeJS.Timeout | undefined;
function changed(path: string): void {
  if (path.includes(`${sep}.`) || path.endsWith("~")) return; // editors' swap and temp files
  pending.add(path);
  clearTimeout(timer);
  // Editors save in several writes; a few milliseconds gathers them into one update.
  timer = setTimeout(flush, 15);
}

/** What the running renderer's code loads once (code-graph.ts), worked out again after each code change. */
let loadedOnce = filesLoadedOnce(RENDERER);
let flushing = Promise.resolve();
const flush = () => void (flushing = flushing.then(applyChanges).catch((error: Error) => console.error(error)));

async function applyChanges(): Promise<void> {
  const paths = [...pending];
  pending = new Set();
  const code = paths.filter((p) => CODE.some((dir) => p.startsWith(dir + sep)) && /\.(tsx?|mjs|js)$/.test(p) && !p.startsWith(resolve("assets") + sep));
  if (code.length) {
    const inPlace = renderer !== undefined && templatesOnly(code, await loadedOnce);
    loadedOnce = filesLoadedOnce(RENDERER);
    if (inPlace) {
      console.log(`[dev] templates changed (${code.join(", ")}): importing them again`);
      renderer!.send({ type: "templates", paths } satisfies ToRenderer);
      return;
    }
    console.log(`[dev] code changed (${paths.filter((p) => !p.startsWith(contentDir)).join(", ")}): restarting the renderer`);
    restartRenderer();
    return;
  }
  if (!renderer) return startRenderer();
  renderer.send({ type: "changed", paths } satisfies ToRenderer);
}

/**
 * chokidar, not fs.watch: Node 20's recursive fs.watch on Linux watches each file, and loses it for
 * good when an editor saves by writing a new file and renaming it over the old one (vim, sed -i,
 * many IDEs): every later save went unseen and the stale page stayed.
 */
function watchTrees(dirs: string[]): void {
  chokidar
    .watch(dirs.filter((dir) => existsSync(dir)), { ignoreInitial: true })
    .on("all", (_event, path) => changed(resolve(path)))
    .on("error", (error) => console.error(`[dev] watching files: ${(error as Error).message}`));
}

// --- HTTP ---------------------------------------------------------------------------------

async function sendFile(res: ServerResponse, file: string, type?: string): Promise<boolean> {
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) return false;
  res.writeHead(200, { "content-type": type ?? TYPES[extname(file).toLowerCase()] ?? "application/octet-stream", "cache-control": "no-store" });
  res.end(await readFile(file));
  return true;
}

/** A file under `root` for a URL path, or undefined when the path leaves it. */
function inside(root: string, urlPath: string): string | undefined {
  const file = join(root, normalize(urlPath));
  return file.startsWith(root + sep) ? file : undefined;
}

/**
 * Files the renderer does not make: fingerprinted assets, encoded images, the search index and
 * /admin/ from the dev output folder (which holds no pages, so none can be stale), and the
 * content's own non-photo media.
 */
async function serveStatic(res: ServerResponse, urlPath: string): Promise<boolean> {
  const served = urlPath.endsWith("/") ? `${urlPath}index.html` : urlPath;
  if (/^\/(assets|media|pagefind|admin)\//.test(served) || /^\/[^/]+\.(png|ico|svg|webmanifest)$/.test(served)) {
    const built = inside(outputDir, served);
    if (built && (await sendFile(res, built))) return true;
  }
  // Documents (PDF, Word…) as a production build publishes them (scripts/build/publish/media-files.ts).
  const type = PUBLISHED_TYPES[extname(served).slice(1).toLowerCase()];
  if (served.startsWith("/media/") && type) {
    const source = inside(contentDir, served);
    if (source && !mediaFileProblem(source, contentDir) && (await sendFile(res, source, type))) return true;
  }
  return false;
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  let urlPath: string;
  try {
    urlPath = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
  } catch {
    res.writeHead(400).end();
    return;
  }
  if (urlPath === "/__dev/events") {
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store", connection: "keep-alive" });
    res.write(": connected\n\n");
    listeners.add(res);
    req.on("close", () => listeners.delete(res));
    return;
  }
  if (urlPath === "/__dev/reload.js") {
    res.writeHead(200, { "content-type": "text/javascript; charset=utf-8", "cache-control": "no-store" }).end(RELOAD_SCRIPT);
    return;
  }
  const notFunction = await new Promise<boolean>((next) => functionsMiddleware(req, res, (error) => (error ? (console.error(error), res.writeHead(500).end(), next(false)) : next(true))));
  if (!notFunction) return;
  if (await serveStatic(res, urlPath)) return;
  let reply = await ask(urlPath);
  if (reply.status === 301) {
    res.writeHead(301, { location: reply.body }).end();
    return;
  }
  if (reply.status === 0) reply = { ...(await ask(FIXED_FILES.notFound)), status: 404 };
  let body = reply.body ?? "";
  // Live reload for pages, never for the editor UI (Decap CMS must not reload mid-edit).
  if (reply.contentType?.startsWith("text/html") && !urlPath.startsWith("/admin")) {
    body = body.includes("</body>") ? body.replace("</body>", `${RELOAD_TAG}</body>`) : body + RELOAD_TAG;
  }
  res.writeHead(reply.status, { "content-type": reply.contentType ?? "text/plain; charset=utf-8", "cache-control": "no-store" });
  res.end(body);
}

// A fresh output folder: it then holds only what this server writes, never a stale page.
await rm(outputDir, { recursive: true, force: true });
startRenderer();
watchTrees([contentDir, ...CODE]);
createServer((req, res) => {
  handle(req, res).catch((error: Error) => {
    console.error(error);
    if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
    res.end(String(error.stack ?? error));
  });
})
  .on("error", (error: Error) => {
    console.error(`[dev] ${error.message} — is another server on port ${port}? Use npm start -- --port=8090`);
    renderer?.kill();
    process.exit(1);
  })
  .listen(port, () => console.log(`[dev] http://localhost:${port}/ — ${contentDir}`));
await ready;
console.log(`[dev] ready: watching ${contentDir}`);
