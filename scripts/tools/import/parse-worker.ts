// A thread that reads saved pages for scripts/tools/import/saved-site.ts: parsing is the costly part of an import.
import { parentPort } from "node:worker_threads";
import { readPage, toWire, type Page } from "./read-page.ts";

parentPort!.on("message", ({ start, pages }: { start: number; pages: Page[] }) => {
  parentPort!.postMessage({ start, outcomes: pages.map((p) => toWire(readPage(p))) });
});
