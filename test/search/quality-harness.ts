import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { withAttachmentText } from "../../scripts/build/search/attachments.ts";
import { writePagefindIndex } from "../../scripts/build/search/build-index.ts";
import type { SearchDocument } from "../../scripts/build/search/index-html.ts";
import { loadPagefind } from "../../scripts/build/search/node-pagefind.ts";
import { NEWEST_ORDER_FILE } from "../../scripts/build/search/params.ts";
import type { PagefindApi, SearchFiles } from "../../scripts/build/search/ranking.ts";
import { serveStatic, type StaticServer } from "../../scripts/tools/search/static-server.ts";
import { VOCABULARY_FILE, type Vocabulary } from "../../scripts/build/search/vocabulary.ts";
import { writeNewestOrder } from "../../scripts/build/search/write-newest-order.ts";
import { writeVocabulary } from "../../scripts/build/search/write-vocabulary.ts";

/** A built Pagefind index, served over HTTP and loaded with its own pagefind.js. */
export interface BuiltIndex {
  /** The served site folder (pagefind/ inside). */
  dir: string;
  pagefind: PagefindApi;
  server: StaticServer;
  /** Our index's vocabulary and date order, fetched as the client fetches them. */
  files: Required<SearchFiles>;
  dispose(): Promise<void>;
}

/**
 * Our index (attachments extracted, vocabulary written, like the site build), or stock
 * Pagefind's when `indexText` is given.
 */
export async function buildAndLoad(docs: SearchDocument[], indexText?: (text: string) => string): Promise<BuiltIndex> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "search-quality-"));
  const pagefindDir = path.join(dir, "pagefind");
  const indexed = indexText ? docs : await withAttachmentText(docs);
  await writePagefindIndex(indexed, pagefindDir, indexText ? { indexText, stock: true } : {});
  if (!indexText) {
    await writeVocabulary(indexed, pagefindDir);
    await writeNewestOrder(pagefindDir);
  }
  const server = await serveStatic(dir);
  const pagefind = await loadPagefind(dir, server.origin);
  return {
    dir,
    pagefind,
    server,
    files: {
      vocabulary: async () => (await fetch(`${server.origin}/pagefind/${VOCABULARY_FILE}`)).json() as Promise<Vocabulary>,
      newestOrder: async () => (await fetch(`${server.origin}/pagefind/${NEWEST_ORDER_FILE}`)).json() as Promise<string[]>,
    },
    dispose: async () => {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export async function topUrls(results: { data(): Promise<{ url: string }> }[], n: number): Promise<string[]> {
  return Promise.all(results.slice(0, n).map(async (r) => (await r.data()).url));
}

export interface Score {
  hit1: number;
  hit3: number;
  misses: { query: string; expected: string; got: string[] }[];
}

export async function score(
  queries: { query: string; expected: string }[],
  search: (query: string) => Promise<string[]>,
): Promise<Score> {
  let hit1 = 0;
  let hit3 = 0;
  const misses: Score["misses"] = [];
  for (const { query, expected } of queries) {
    const got = await search(query);
    if (got[0] === expected) hit1++;
    if (got.slice(0, 3).includes(expected)) hit3++;
    else misses.push({ query, expected, got });
  }
  return { hit1: hit1 / queries.length, hit3: hit3 / queries.length, misses };
}
