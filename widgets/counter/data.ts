import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { getStore, type Store } from "@netlify/blobs";
import type { DateTime } from "luxon";
import { z } from "zod";
import type { ContentIssue } from "../../scripts/build/content/issues.ts";
import { readDataFile } from "../../scripts/build/content/data-files.ts";
import { strictFields } from "../../scripts/build/content/schema.ts";
import { boundedStore } from "./bounded-store.ts";
import { readFigures, visitStoreName } from "./visit-log.ts";

const VISITS_API = "/api/visits";
const BUILD_READ_TIMEOUT_MS = 5_000;

export const counterSchema = strictFields({
  base_total: z
    .number({
      error: (i) =>
        i.input === undefined || i.input === null
          ? "còn thiếu — ghi tổng số lượt truy cập của trang cũ, ví dụ `base_total: 3994514`"
          : "phải là một số nguyên viết liền, không có dấu chấm, dấu cách hay dấu ngoặc kép, ví dụ `base_total: 3994514`",
    })
    .int("phải là một số nguyên, không có phần lẻ, ví dụ `base_total: 3994514`")
    .nonnegative("không được là số âm — ghi tổng số lượt truy cập của trang cũ, ví dụ `base_total: 3994514`"),
});

export interface CounterData {
  api: string;
  /** The figure in the HTML, shown when the live count cannot be fetched. */
  total: number;
  /** When `total` was read from the live log; absent when it is the old site's figure. */
  asOf?: DateTime;
}

/**
 * counter.yaml's base_total (no data without the file) plus, when the build can reach the visit log (given,
 * or Netlify's Blobs context in a Netlify build), the visits recorded so far.
 */
export async function loadCounter(
  contentDir: string,
  options: { now: DateTime; store?: Store },
): Promise<{ data?: CounterData; issues: ContentIssue[] }> {
  const result = await readDataFile(contentDir, "counter.yaml", counterSchema);
  if (result.status !== "ok") return { issues: result.status === "invalid" ? result.issues : [] };
  const base = result.value.base_total;
  const open = options.store
    ? () => options.store!
    : process.env.NETLIFY_BLOBS_CONTEXT
      ? (fetch: typeof globalThis.fetch) => getStore({ name: visitStoreName(process.env.CONTEXT), consistency: "strong", fetch })
      : undefined;
  // A build must not hang or fail because the counter's store is slow or down.
  const recorded = open
    ? await readFigures(boundedStore(open, BUILD_READ_TIMEOUT_MS), options.now.toMillis(), false).catch(() => undefined)
    : undefined;
  if (recorded === undefined) return { data: { api: VISITS_API, total: base }, issues: [] };
  return {
    data: { api: VISITS_API, total: base + recorded.total, asOf: options.now },
    issues: [],
  };
}

const BASE_TOTAL_MODULE = fileURLToPath(new URL("./base-total.ts", import.meta.url));

export function baseTotalModuleSource(baseTotal: number): string {
  return [
    "// Generated from content/_data/counter.yaml by writeBaseTotalModule() in widgets/counter/data.ts.",
    "// The build rewrites it before Netlify bundles the function; edit counter.yaml, not this file.",
    `export const BASE_TOTAL = ${baseTotal};`,
    "",
  ].join("\n");
}

/**
 * Bundle counter.yaml's base_total into the function (the build calls this):
 * Netlify bundles functions after the build command, so the deployed function
 * always has the figure of the deployed content. Returns whether the file changed.
 */
export async function writeBaseTotalModule(contentDir: string, path = BASE_TOTAL_MODULE): Promise<{ changed: boolean; issues: ContentIssue[] }> {
  const result = await readDataFile(contentDir, "counter.yaml", counterSchema);
  if (result.status === "invalid") return { changed: false, issues: result.issues };
  if (result.status === "missing") return { changed: false, issues: [] };
  const source = baseTotalModuleSource(result.value.base_total);
  const current = await readFile(path, "utf8").catch(() => "");
  if (current === source) return { changed: false, issues: [] };
  await writeFile(path, source);
  return { changed: true, issues: [] };
}
