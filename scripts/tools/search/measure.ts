/**
 * Search figures at 4,000 articles: index time and size (ours and stock Pagefind), and the
 * bytes a reader downloads for a first two-syllable query, following the client's steps
 * (search.js with Pagefind's API + wasm + metadata, index chunks, the fragments of the first results shown; the
 * rest of the page's results load when scrolled near, see client.ts).
 * Usage: tsx scripts/tools/search/measure.ts [articleCount]
 */
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { buildSearchIndex, writePagefindIndex } from "../../build/search/build-index.ts";
import { bundleSearchClient } from "../../build/search/bundle-client.ts";
import { loadPagefind } from "../../build/search/node-pagefind.ts";
import { RESULTS_FIRST_BATCH } from "../../build/search/params.ts";
import { rankedSearch } from "../../build/search/ranking.ts";
import { serveStatic } from "./static-server.ts";
import { syntheticArticles } from "../fixtures/synthetic-articles.ts";
import { foldVietnamese } from "../../build/search/vietnamese.ts";

/** Pagefind's own UIs: written by Pagefind, never loaded by our client. */
const UNUSED = /^pagefind-(component-ui|modular-ui|ui|highlight|worker)\./;

async function dirSize(dir: string): Promise<{ bytes: number; files: number }> {
  let bytes = 0;
  let files = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || UNUSED.test(entry.name)) continue;
    bytes += (await stat(path.join(entry.parentPath, entry.name))).size;
    files++;
  }
  return { bytes, files };
}

const gzipSize = (content: string | Buffer) => gzipSync(content).length;
/** The most a reader's first two-syllable query may download at 4,000 articles (issue 15). */
const FIRST_QUERY_BUDGET_KB = 150;
const BUDGET_ARTICLES = 4000;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 4000);
  const docs = syntheticArticles(count);
  const work = await mkdtemp(path.join(os.tmpdir(), "search-measure-"));
  try {
    const oursDir = path.join(work, "ours");
    const ours = await buildSearchIndex(docs, oursDir, { cache: false });
    const stockStart = performance.now();
    // Stock Pagefind chunks by its own default (the service restarts for each index).
    const ourChunking = process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE;
    delete process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE;
    await writePagefindIndex(docs, path.join(work, "stock", "pagefind"), { indexText: (text) => text, stock: true });
    process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = ourChunking;
    const stockMs = Math.round(performance.now() - stockStart);
    const oursSize = await dirSize(ours.pagefindDir);
    const stockSize = await dirSize(path.join(work, "stock", "pagefind"));

    const server = await serveStatic(oursDir);
    const query = foldVietnamese(docs[Math.floor(count / 3)]!.title.split(" ").slice(0, 2).join(" "));
    let resultCount = 0;
    try {
      const pagefind = await loadPagefind(oursDir, server.origin);
      const { results } = await rankedSearch(pagefind, { query });
      resultCount = results.length;
      await Promise.all(results.slice(0, RESULTS_FIRST_BATCH).map((r) => r.data()));
    } finally {
      await server.close();
    }
    // Node imports pagefind.js from disk; a browser fetches our bundle (with Pagefind's API in it) over HTTP.
    const scripts = [{ path: "/assets/search.js", bytes: gzipSize(await bundleSearchClient()) }];
    const transfers = [...scripts, ...server.transfers];
    const byKind = (test: RegExp) => transfers.filter((t) => test.test(t.path)).reduce((sum, t) => sum + t.bytes, 0);
    const figures = {
      articles: count,
      index: {
        oursMs: ours.indexMs,
        stockMs,
        oursBytes: oursSize.bytes,
        oursFiles: oursSize.files,
        stockBytes: stockSize.bytes,
        stockFiles: stockSize.files,
      },
      firstQuery: {
        query,
        results: resultCount,
        requests: transfers.length,
        totalBytes: byKind(/./),
        scriptsBytes: byKind(/\.js$/),
        wasmBytes: byKind(/\.pagefind$/),
        metaBytes: byKind(/pf_meta|entry\.json/),
        indexChunkBytes: byKind(/pf_index$/),
        fragmentBytes: byKind(/pf_fragment$/),
        transfers,
      },
    };
    await mkdir("bench-results", { recursive: true });
    await writeFile("bench-results/search.json", `${JSON.stringify(figures, null, 2)}\n`);
    const q = figures.firstQuery;
    console.log(
      [
        `Search index, ${count} synthetic articles`,
        `  ours : ${(ours.indexMs / 1000).toFixed(1)} s, ${kb(oursSize.bytes)} in ${oursSize.files} files`,
        `  stock: ${(stockMs / 1000).toFixed(1)} s, ${kb(stockSize.bytes)} in ${stockSize.files} files`,
        `First query "${q.query}" (${q.results} results, first ${RESULTS_FIRST_BATCH} loaded): ${kb(q.totalBytes)} in ${q.requests} requests`,
        `  scripts ${kb(q.scriptsBytes)}, wasm ${kb(q.wasmBytes)}, metadata ${kb(q.metaBytes)},`,
        `  index chunks ${kb(q.indexChunkBytes)}, fragments ${kb(q.fragmentBytes)}`,
        `(written to bench-results/search.json)`,
      ].join("\n"),
    );
    if (count === BUDGET_ARTICLES && q.totalBytes > FIRST_QUERY_BUDGET_KB * 1024) {
      console.error(`The first query downloads ${kb(q.totalBytes)}: over the budget of ${FIRST_QUERY_BUDGET_KB} KB at ${BUDGET_ARTICLES} articles.`);
      process.exitCode = 1;
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

await main();
