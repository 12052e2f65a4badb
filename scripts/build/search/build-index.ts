import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdir, mkdtemp, rename, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { arch, platform, setPriority } from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { mapLimit } from "../map-limit.ts";
import { withAttachmentText } from "./attachments.ts";
import { keepSearchBundle, restoreSearchBundle, searchBundleKey } from "./bundle-cache.ts";
import { renderIndexHtml, type SearchDocument } from "./index-html.ts";
import { recompressWasm } from "./recompress.ts";
import { shortenPageIds } from "./short-ids.ts";
import { toIndexText } from "./vietnamese.ts";
import { writeNewestOrder } from "./write-newest-order.ts";
import { vocabularyJson, writeVocabulary } from "./write-vocabulary.ts";

export type { SearchDocument } from "./index-html.ts";

export interface SearchIndexSummary {
  pages: number;
  /** Wall time of indexing and writing, in milliseconds. */
  indexMs: number;
  /** The bundle was copied from .cache/search/: nothing indexed had changed. */
  fromCache: boolean;
  pagefindDir: string;
}

/** The Pagefind CLI binary that the pagefind npm package installs for this platform. */
export function pagefindBinary(): string {
  const os = platform() === "win32" ? "windows" : platform();
  const exe = os === "windows" ? "pagefind_extended.exe" : "pagefind_extended";
  return process.env.PAGEFIND_BINARY_PATH ?? createRequire(import.meta.url).resolve(`@pagefind/${os}-${arch()}/bin/${exe}`);
}

/**
 * Word locations per index chunk (Pagefind's default: about 20,000). A query downloads the whole
 * chunk of each of its words, so smaller chunks cut a reader's first search (see README.md).
 * Read by the Pagefind binary from its environment (the CLI inherits this process's).
 */
export const INDEX_CHUNK_SIZE = 8000;
process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE ??= String(INDEX_CHUNK_SIZE);

/** Run the Pagefind CLI over `siteDir`, writing the bundle to `pagefindDir`; `background` lowers its priority. */
export function runPagefindCli(siteDir: string, pagefindDir: string, extra: string[] = [], background = false): Promise<void> {
  return new Promise((done, fail) => {
    const args = ["--site", siteDir, "--output-path", pagefindDir, "--silent", ...extra];
    const child = execFile(pagefindBinary(), args, { maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      if (error) fail(new Error(`Search index: pagefind failed:\n${stderr || stdout || error.message}`));
      else done();
    });
    if (background && child.pid) setPriority(child.pid, 19);
  });
}

export interface IndexOptions {
  /** Rewrites the indexed text: the Vietnamese normalisation unless a caller compares with stock Pagefind. */
  indexText?: (text: string) => string;
  /** Stock Pagefind's bundle: without our short file names (short-ids.ts) and recompression (recompress.ts). */
  stock?: boolean;
  /** Lower Pagefind's priority (npm start). */
  background?: boolean;
  /** Work for this thread while the CLI indexes in its own process. */
  whileIndexing?: () => void;
}

/**
 * Index documents with the Pagefind CLI, writing `pagefindDir` (see `IndexOptions`).
 *
 * Why the CLI and not Pagefind's Node API: the API's service reads one base64 JSON message at
 * a time and indexes each added file in turn (the index is borrowed mutably per file), so
 * 20,000 pages cost 20,000 round trips on one core; the CLI reads a folder and indexes its
 * files concurrently on every core. So each document is written as a small normalised HTML
 * file (the same HTML the API was given) into a scratch folder beside the output, and the CLI
 * indexes that folder. The bundle is written to a fresh folder and renamed into place, so a
 * reader of `pagefindDir` never sees a half-written index.
 */
export async function writePagefindIndex(
  docs: SearchDocument[],
  pagefindDir: string,
  { indexText = toIndexText, stock = false, background = false, whileIndexing }: IndexOptions = {},
): Promise<number> {
  const parent = path.dirname(pagefindDir);
  await mkdir(parent, { recursive: true });
  const scratch = await mkdtemp(path.join(parent, ".pagefind-src-"));
  const fresh = `${scratch}-out`;
  try {
    const dirs = new Set<string>();
    for (const doc of docs) {
      if (!doc.url.startsWith("/") || doc.url.includes("..")) throw new Error(`Search index: ${doc.url} is not a site path`);
      dirs.add(path.join(scratch, doc.url));
    }
    await Promise.all([...dirs].map((dir) => mkdir(dir, { recursive: true })));
    await mapLimit(
      docs,
      (doc) => writeFile(path.join(scratch, doc.url.endsWith("/") ? `${doc.url}index.html` : doc.url), renderIndexHtml(doc, indexText)),
      64,
    );
    const indexing = runPagefindCli(scratch, fresh, ["--force-language", "vi"], background);
    try {
      whileIndexing?.();
    } finally {
      await indexing;
    }
    if (!stock) await Promise.all([shortenPageIds(fresh), recompressWasm(fresh)]);
    await swapIn(fresh, pagefindDir);
    return docs.length;
  } finally {
    await Promise.all([rm(scratch, { recursive: true, force: true }), rm(fresh, { recursive: true, force: true })]);
  }
}

/** Put the bundle in `fresh` at `pagefindDir` by renames: a reader sees the old bundle or the new one, whole. */
async function swapIn(fresh: string, pagefindDir: string): Promise<void> {
  const old = `${fresh}-old`;
  await rename(pagefindDir, old).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== "ENOENT") throw error;
  });
  await rename(fresh, pagefindDir);
  await rm(old, { recursive: true, force: true });
}

/**
 * Articles and static pages into `<outputDir>/pagefind/`; `background` (npm start) lowers Pagefind's priority.
 * When nothing indexed has changed since a build that kept its bundle (bundle-cache.ts), that bundle is copied;
 * `cache: false` (or SEARCH_INDEX_CACHE=off, as the benchmark sets) always indexes afresh.
 */
export async function buildSearchIndex(
  docs: SearchDocument[],
  outputDir: string,
  { background = false, cache = process.env.SEARCH_INDEX_CACHE !== "off" }: { background?: boolean; cache?: boolean } = {},
): Promise<SearchIndexSummary> {
  const started = performance.now();
  const pagefindDir = path.join(outputDir, "pagefind");
  const indexed = await withAttachmentText(docs);
  const key = cache ? await searchBundleKey(indexed) : undefined;
  if (key) {
    await mkdir(outputDir, { recursive: true });
    const restored = path.join(outputDir, `.pagefind-kept-${randomUUID()}`);
    if (await restoreSearchBundle(key, restored)) {
      await swapIn(restored, pagefindDir);
      return { pages: indexed.length, indexMs: Math.round(performance.now() - started), pagefindDir, fromCache: true };
    }
  }
  let vocabulary: string | undefined;
  const pages = await writePagefindIndex(indexed, pagefindDir, { background, whileIndexing: () => (vocabulary = vocabularyJson(indexed)) });
  await writeVocabulary(indexed, pagefindDir, vocabulary);
  await writeNewestOrder(pagefindDir);
  // A bundle that cannot be kept (a full disk, a read-only .cache) costs the next build time, not this one.
  if (key) await keepSearchBundle(key, pagefindDir).catch((error: Error) => console.warn(`Search index: not kept in .cache/search (${error.message})`));
  return { pages, indexMs: Math.round(performance.now() - started), pagefindDir, fromCache: false };
}

/** What the index worker posts back. */
export type IndexOutcome = { summary: SearchIndexSummary } | { error: string };

/**
 * `buildSearchIndex` in a worker thread (index-worker.ts), so that a production build's main thread
 * only renders: on two cores the index's JavaScript no longer queues behind Eleventy's pages.
 */
export function buildSearchIndexInWorker(docs: SearchDocument[], outputDir: string): Promise<SearchIndexSummary> {
  return new Promise((done, fail) => {
    // Node 20 does not pass tsx's loader on to worker threads: the worker registers it itself.
    const entry = new URL("./index-worker.ts", import.meta.url).href;
    const boot = `import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))}).then((tsx) => tsx.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(entry)}))`;
    const worker = new Worker(boot, { eval: true, workerData: { docs, outputDir } });
    let outcome: IndexOutcome | undefined;
    worker.once("message", (message: IndexOutcome) => (outcome = message));
    worker.once("error", fail);
    worker.once("exit", (code) => {
      if (outcome && "summary" in outcome) done(outcome.summary);
      else fail(new Error(outcome?.error ?? `Search index: the worker stopped (exit code ${code}) without an index`));
    });
  });
}
