// Worker thread entry of `buildSearchIndexInWorker`: the index's own work (normalising the text,
// the vocabulary, recompression) runs beside Eleventy's rendering instead of between its pages.
// A failure is posted back as a message: left unhandled, zopfli's runtime turns it into "abort(…)".
import { parentPort, workerData } from "node:worker_threads";
import { buildSearchIndex, type IndexOutcome } from "./build-index.ts";
import type { SearchDocument } from "./index-html.ts";

const { docs, outputDir } = workerData as { docs: SearchDocument[]; outputDir: string };
const outcome: IndexOutcome = await buildSearchIndex(docs, outputDir).then(
  (summary) => ({ summary }),
  (error: unknown) => ({ error: error instanceof Error ? error.message : String(error) }),
);
parentPort!.postMessage(outcome);
