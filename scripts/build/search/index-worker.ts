// Worker thread entry of `buildSearchIndexInWorker`: the index's own work (normalising the text,
// the vocabulary, recompression) runs beside Eleventy's rendering instead of between its pages.
import { parentPort, workerData } from "node:worker_threads";
import { buildSearchIndex } from "./build-index.ts";
import type { SearchDocument } from "./index-html.ts";

const { docs, outputDir } = workerData as { docs: SearchDocument[]; outputDir: string };
parentPort!.postMessage(await buildSearchIndex(docs, outputDir));
