import path from "node:path";
import * as pagefind from "pagefind";
import { withAttachmentText } from "./attachments.ts";
import { renderIndexHtml, type SearchDocument } from "./index-html.ts";
import { toIndexText } from "./vietnamese.ts";
import { writeNewestOrder } from "./write-newest-order.ts";
import { writeVocabulary } from "./write-vocabulary.ts";

export type { SearchDocument } from "./index-html.ts";


export interface SearchIndexSummary {
  pages: number;
  /** Wall time of indexing and writing, in milliseconds. */
  indexMs: number;
  pagefindDir: string;
}

const BATCH = 200;

/**
 * Word locations per index chunk (Pagefind's default: about 20,000). A query downloads the whole
 * chunk of each of its words, so smaller chunks cut a reader's first search (see README.md).
 * Read by the Pagefind binary, whether run as the Node API's service or as the CLI.
 */
export const INDEX_CHUNK_SIZE = 8000;
process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE ??= String(INDEX_CHUNK_SIZE);

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

/** Called after the site is rendered: articles and static pages into `<outputDir>/pagefind/`. */
export async function buildSearchIndex(docs: SearchDocument[], outputDir: string): Promise<SearchIndexSummary> {
  const started = performance.now();
  const pagefindDir = path.join(outputDir, "pagefind");
  const indexed = await withAttachmentText(docs);
  const pages = await writePagefindIndex(indexed, pagefindDir);
  await writeVocabulary(indexed, pagefindDir);
  await writeNewestOrder(pagefindDir);
  return { pages, indexMs: Math.round(performance.now() - started), pagefindDir };
}
