import path from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import * as pagefind from "pagefind";
import { renderIndexHtml, type SearchDocument } from "./index-html.ts";
import { SEARCH_SCRIPT_URL } from "./params.ts";
import { toIndexText } from "./vietnamese.ts";

export type { SearchDocument } from "./index-html.ts";


export interface SearchIndexSummary {
  pages: number;
  /** Wall time of indexing and writing, in milliseconds. */
  indexMs: number;
  pagefindDir: string;
  clientFile: string;
}

const BATCH = 200;

function fail(what: string, errors: string[]): never {
  throw new Error(`Search index: ${what} failed:\n${errors.join("\n")}`);
}

/**
 * Index documents with Pagefind in this process, writing `<outputDir>/pagefind/`, with the
 * text rewritten by `indexText` (the Vietnamese normalisation unless a caller compares with
 * stock Pagefind).
 */
export async function writePagefindIndex(
  docs: SearchDocument[],
  pagefindDir: string,
  indexText: (text: string) => string = toIndexText,
): Promise<number> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: "vi" });
  if (!index) fail("createIndex", errors);
  try {
    // One request at a time leaves the service idle waiting on IPC: keep a batch in flight.
    for (let start = 0; start < docs.length; start += BATCH) {
      await Promise.all(
        docs.slice(start, start + BATCH).map(async (doc) => {
          const added = await index.addHTMLFile({ url: doc.url, content: renderIndexHtml(doc, indexText) });
          if (added.errors.length) fail(`indexing ${doc.url}`, added.errors);
        }),
      );
    }
    const written = await index.writeFiles({ outputPath: pagefindDir });
    if (written.errors.length) fail("writeFiles", written.errors);
    return docs.length;
  } finally {
    await pagefind.close();
  }
}

/** Bundle the search page's client into `<outputDir>/assets/search.js`. */
export async function bundleSearchClient(outputDir: string): Promise<string> {
  const outfile = path.join(outputDir, SEARCH_SCRIPT_URL);
  await esbuild.build({
    entryPoints: [fileURLToPath(new URL("./client.ts", import.meta.url))],
    outfile,
    bundle: true,
    format: "esm",
    minify: true,
    target: "es2020",
    logLevel: "warning",
  });
  return outfile;
}

/** Called after the site is rendered: the search index and the search page's script. */
export async function buildSearchIndex(docs: SearchDocument[], outputDir: string): Promise<SearchIndexSummary> {
  const started = performance.now();
  const pagefindDir = path.join(outputDir, "pagefind");
  const pages = await writePagefindIndex(docs, pagefindDir);
  const indexMs = Math.round(performance.now() - started);
  const clientFile = await bundleSearchClient(outputDir);
  return { pages, indexMs, pagefindDir, clientFile };
}
