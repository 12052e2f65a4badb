import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { mapLimit } from "../map-limit.ts";
import { DATE_FILTER, NEWEST_ORDER_FILE } from "./params.ts";

/** Pagefind's fragment files: gzip of this signature followed by the result's JSON. */
const SIGNATURE = "pagefind_dcd";

interface Fragment {
  url: string;
  filters?: Record<string, string[]>;
}

/**
 * `<pagefindDir>/newest-order.json`: the ids of Pagefind's results (fragment file names) ordered
 * by the date filter, newest first; undated pages last, ties by URL. Read from the written
 * fragments, so the ids are exactly those the search answers with.
 */
export async function writeNewestOrder(pagefindDir: string): Promise<void> {
  const dir = path.join(pagefindDir, "fragment");
  const names = (await readdir(dir)).filter((name) => name.endsWith(".pf_fragment"));
  const pages = await mapLimit(names, async (name) => {
    const text = gunzipSync(await readFile(path.join(dir, name))).toString("utf8");
    if (!text.startsWith(SIGNATURE)) throw new Error(`Search index: ${name} is not a Pagefind fragment`);
    const fragment = JSON.parse(text.slice(SIGNATURE.length)) as Fragment;
    return { id: path.basename(name, ".pf_fragment"), url: fragment.url, date: fragment.filters?.[DATE_FILTER]?.[0] ?? "" };
  }, 64);
  // Dates are ISO strings in Vietnam time (+07:00): they order as text.
  pages.sort((a, b) => (a.date === b.date ? (a.url < b.url ? -1 : a.url > b.url ? 1 : 0) : a.date < b.date ? 1 : -1));
  await writeFile(path.join(pagefindDir, NEWEST_ORDER_FILE), JSON.stringify(pages.map((page) => page.id)));
}
