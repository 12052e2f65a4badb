import { foldVietnamese, hasDiacritics, toIndexText } from "./vietnamese.ts";

/** The part of Pagefind's JS API (pagefind.js, createInstance) that we use. */
export interface PagefindFragment {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}

export interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindFragment>;
}

export interface PagefindSearchOptions {
  filters?: Record<string, string>;
  sort?: Record<string, "asc" | "desc">;
}

export interface PagefindApi {
  search(term: string, options?: PagefindSearchOptions): Promise<{ results: PagefindResult[] } | null>;
  options(options: Record<string, unknown>): Promise<void>;
}

export type SortOrder = "relevance" | "newest";

export interface SearchRequest {
  query: string;
  category?: string;
  sort?: SortOrder;
}

/** Phrase checks cost one in-memory search each; long queries only check their first pairs. */
const MAX_PAIR_CHECKS = 6;

/** The query as index words: normalised like the index, no quotes (Pagefind's phrase syntax). */
export function queryWords(query: string): string[] {
  return toIndexText(query)
    .replace(/["“”]/g, " ")
    .split(/\s+/)
    .filter((word) => /[\p{L}\p{N}]/u.test(foldVietnamese(word)));
}

async function idsOf(pagefind: PagefindApi, term: string, options: PagefindSearchOptions): Promise<Set<string>> {
  const response = await pagefind.search(term, options);
  return new Set(response?.results.map((r) => r.id) ?? []);
}

/** Pages containing every accented query word with exactly those diacritics. */
async function exactDiacriticIds(pagefind: PagefindApi, words: string[], options: PagefindSearchOptions) {
  const accented = words.filter(hasDiacritics);
  if (!accented.length) return new Set<string>();
  await pagefind.options({ exactDiacritics: true });
  try {
    return await idsOf(pagefind, accented.join(" "), options);
  } finally {
    await pagefind.options({ exactDiacritics: false });
  }
}

/**
 * Search the way Vietnamese readers mean it. Pagefind finds the candidates (diacritics folded)
 * and scores them; we then order them in tiers:
 * 1. pages with the query's accented words spelled exactly as typed,
 * 2. pages with the whole query as an adjacent phrase,
 * 3. pages with more of the query's adjacent syllable pairs,
 * and Pagefind's score within a tier. "Newest first" keeps Pagefind's date order.
 * Searches run one after another: the exact-diacritics switch is instance-wide.
 */
export async function rankedSearch(pagefind: PagefindApi, request: SearchRequest): Promise<PagefindResult[]> {
  const words = queryWords(request.query);
  if (!words.length) return [];
  const term = words.join(" ");
  const options: PagefindSearchOptions = request.category ? { filters: { category: request.category } } : {};
  const base = await pagefind.search(term, request.sort === "newest" ? { ...options, sort: { date: "desc" } } : options);
  const results = base?.results ?? [];
  if (request.sort === "newest" || results.length < 2) return results;

  const exact = await exactDiacriticIds(pagefind, words, options);
  const phrase = words.length > 1 ? await idsOf(pagefind, `"${term}"`, options) : new Set<string>();
  const pairHits = new Map<string, number>();
  if (words.length > 2) {
    for (let i = 0; i < Math.min(words.length - 1, MAX_PAIR_CHECKS); i++) {
      for (const id of await idsOf(pagefind, `"${words[i]} ${words[i + 1]}"`, options)) {
        pairHits.set(id, (pairHits.get(id) ?? 0) + 1);
      }
    }
  }
  const tiers = (r: PagefindResult) => [
    exact.has(r.id) ? 1 : 0,
    phrase.has(r.id) ? 1 : 0,
    pairHits.get(r.id) ?? 0,
    r.score,
  ];
  return results
    .map((result) => ({ result, key: tiers(result) }))
    .sort((a, b) => {
      for (let i = 0; i < a.key.length; i++) {
        const diff = b.key[i]! - a.key[i]!;
        if (diff !== 0) return diff;
      }
      return 0;
    })
    .map(({ result }) => result);
}
