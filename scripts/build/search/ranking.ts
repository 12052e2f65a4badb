import { TITLE_NUMBER_FILTER } from "./params.ts";
import { closeWords, hasPrefix, type Correction, type Vocabulary } from "./vocabulary.ts";
import { foldVietnamese, fromIndexText, hasDiacritics, toQueryText } from "./vietnamese.ts";

/** The part of Pagefind's JS API (pagefind.js, createInstance) that we use. */
export interface PagefindSubResult {
  title: string;
  excerpt: string;
  anchor?: { id?: string; location: number };
  weighted_locations: { balanced_score: number; location: number }[];
}

export interface PagefindFragment {
  url: string;
  excerpt: string;
  /** The page's whole indexed text. */
  content: string;
  meta: Record<string, string | undefined>;
  filters?: Record<string, string[] | undefined>;
  sub_results?: PagefindSubResult[];
  weighted_locations?: { balanced_score: number; location: number }[];
}

export interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindFragment>;
}

export interface PagefindSearchOptions {
  filters?: Record<string, string>;
}

export interface PagefindApi {
  search(term: string | null, options?: PagefindSearchOptions): Promise<{ results: PagefindResult[] } | null>;
  options(options: Record<string, unknown>): Promise<void>;
}

export type SortOrder = "relevance" | "newest";

export interface SearchRequest {
  query: string;
  category?: string;
  sort?: SortOrder;
}

/** Files the search loads only when a request needs them. */
export interface SearchFiles {
  /** The index's vocabulary: for a query word that occurs nowhere. */
  vocabulary?: () => Promise<Vocabulary>;
  /** Every result id, newest first (NEWEST_ORDER_FILE): for "newest first". */
  newestOrder?: () => Promise<string[]>;
}

export interface RankedSearch {
  results: PagefindResult[];
  /** Query words that occur nowhere, each replaced by the close spelling these results are for. */
  corrections: { typed: string; used: string }[];
  /** When nothing was found: a close spelling that would find something. Offered, never searched. */
  suggestion?: string;
}


/** Phrase checks cost one in-memory search each; long queries only check their first pairs. */
const MAX_PAIR_CHECKS = 6;
/** A typo is corrected on its own only in a word this long (folded); others are suggested. */
const MIN_CORRECTED_LENGTH = 5;
/** Close spellings tried per missing word. */
const MAX_TRIES = 3;
const ROMAN = /^(?=[ivx])x{0,3}(?:ix|iv|v?i{0,3})$/;
/** Roman-looking syllables that are Vietnamese words when typed in lower case. */
const SYLLABLES = new Set(["vi", "xi"]);

/** The query as index words: normalised like the index, no quotes (Pagefind's phrase syntax). */
function queryWords(query: string): string[] {
  return toQueryText(query)
    .replace(/["“”]/g, " ")
    .split(/\s+/)
    .filter((word) => /[\p{L}\p{N}]/u.test(foldVietnamese(word)));
}

/** A word as Pagefind looks it up: folded, punctuation gone ("11/2022" → "112022"). */
function lookupForm(word: string): string {
  return foldVietnamese(word).replace(/[^\p{L}\p{N}]/gu, "");
}

/** A number or Roman numeral ("2022", "11", "V", "xii"), as a title-number filter value. */
export function numeral(word: string): string | null {
  const folded = lookupForm(word);
  if (/^\d+$/.test(folded)) return folded;
  if (!ROMAN.test(folded)) return null;
  const typedUpper = word === word.toUpperCase();
  return typedUpper || !SYLLABLES.has(folded) ? folded : null;
}

/**
 * The words a page's text offers Pagefind: each token folded, whole and split at punctuation,
 * as Pagefind indexes "COVID-19" under covid19, covid and 19.
 */
function indexedForms(content: string): string[] {
  const forms: string[] = [];
  for (const token of content.split(/\s+/)) {
    const folded = foldVietnamese(token);
    forms.push(folded.replace(/[^\p{L}\p{N}]/gu, ""), ...folded.split(/[^\p{L}\p{N}]+/u));
  }
  return forms.filter(Boolean);
}

/**
 * Query words this page has no word for. Pagefind answers a word it cannot find by matching the
 * longest indexed word that starts it (`xyzxyz` finds a page with "khóa X"), and drops a word
 * it cannot find at all when the others are found. A true match has every word (as a prefix)
 * in every result, so the top result tells.
 */
function wordsMissingFrom(content: string, words: string[]): string[] {
  const forms = indexedForms(content);
  return words.filter((word) => {
    const wanted = lookupForm(word);
    return wanted && !forms.some((form) => form.startsWith(wanted));
  });
}

async function ids(pagefind: PagefindApi, term: string | null, options: PagefindSearchOptions): Promise<Set<string>> {
  const response = await pagefind.search(term, options);
  return new Set(response?.results.map((r) => r.id) ?? []);
}

async function withExactDiacritics<T>(pagefind: PagefindApi, run: () => Promise<T>): Promise<T> {
  await pagefind.options({ exactDiacritics: true });
  try {
    return await run();
  } finally {
    await pagefind.options({ exactDiacritics: false });
  }
}

function intersect(sets: Set<string>[]): Set<string> {
  const [first, ...rest] = sets;
  return new Set([...(first ?? [])].filter((id) => rest.every((set) => set.has(id))));
}

/** Quoted single words are whole words: "v" finds V, never VI or Việt. */
const wholeWord = (word: string) => `"${word}"`;

/**
 * Order Pagefind's candidates the way a Vietnamese reader means the query, in tiers:
 * 1. numbers and Roman numerals of the query as whole words, and in the title (a strong signal),
 * 2. when the reader typed marks: every word spelled exactly so, as a whole word,
 * 3. the whole query as a phrase with exactly those marks, then folded,
 * 4. more adjacent syllable pairs,
 * 5. Pagefind's score with exact diacritics (marks typed), then folded.
 * The extra searches reuse the index chunks already loaded, except a title-number filter.
 */
async function rank(pagefind: PagefindApi, words: string[], results: PagefindResult[], options: PagefindSearchOptions) {
  const term = words.join(" ");
  const numeralHits = new Map<string, number>();
  for (const value of new Set(words.map(numeral).filter((n): n is string => n !== null))) {
    const inTitle = await ids(pagefind, null, { filters: { ...options.filters, [TITLE_NUMBER_FILTER]: value } });
    for (const id of await ids(pagefind, wholeWord(value), options)) {
      numeralHits.set(id, (numeralHits.get(id) ?? 0) + 1 + (inTitle.has(id) ? 1 : 0));
    }
  }

  let exact = new Set<string>();
  let exactPhrase = new Set<string>();
  const exactScore = new Map<string, number>();
  if (words.some(hasDiacritics)) {
    await withExactDiacritics(pagefind, async () => {
      const each: Set<string>[] = [];
      for (const word of words) each.push(await ids(pagefind, wholeWord(word), options));
      exact = intersect(each);
      if (!exact.size) return;
      if (words.length > 1) exactPhrase = await ids(pagefind, `"${term}"`, options);
      for (const r of (await pagefind.search(term, options))?.results ?? []) exactScore.set(r.id, r.score);
    });
  }

  const phrase = words.length > 1 ? await ids(pagefind, `"${term}"`, options) : new Set<string>();
  const pairHits = new Map<string, number>();
  if (words.length > 2) {
    for (let i = 0; i < Math.min(words.length - 1, MAX_PAIR_CHECKS); i++) {
      for (const id of await ids(pagefind, `"${words[i]} ${words[i + 1]}"`, options)) {
        pairHits.set(id, (pairHits.get(id) ?? 0) + 1);
      }
    }
  }
  const key = (r: PagefindResult) => [
    numeralHits.get(r.id) ?? 0,
    exact.has(r.id) ? 1 : 0,
    exactPhrase.has(r.id) ? 1 : 0,
    phrase.has(r.id) ? 1 : 0,
    pairHits.get(r.id) ?? 0,
    exact.has(r.id) ? (exactScore.get(r.id) ?? 0) : 0,
    r.score,
  ];
  return results
    .map((result) => ({ result, key: key(result) }))
    .sort((a, b) => {
      for (let i = 0; i < a.key.length; i++) {
        const diff = b.key[i]! - a.key[i]!;
        if (diff !== 0) return diff;
      }
      return 0;
    })
    .map(({ result }) => result);
}

interface Found {
  results: PagefindResult[];
  /** Words the top result lacks: absent from the whole index, unless the vocabulary says otherwise. */
  suspect: string[];
}

/** Results in the order of `newestOrder` (ids it lacks last, as found). */
function byDate(results: PagefindResult[], newestOrder: string[]): PagefindResult[] {
  const position = new Map(newestOrder.map((id, i) => [id, i]));
  const at = (result: PagefindResult) => position.get(result.id) ?? newestOrder.length;
  return [...results].sort((a, b) => at(a) - at(b));
}

async function searchWords(pagefind: PagefindApi, words: string[], request: SearchRequest, files: SearchFiles): Promise<Found> {
  const options: PagefindSearchOptions = request.category ? { filters: { category: request.category } } : {};
  const base = await pagefind.search(words.join(" "), options);
  let results = base?.results ?? [];
  if (!results.length) return { results, suspect: words };
  if (request.sort === "newest") {
    if (!files.newestOrder) throw new Error("rankedSearch: sorting newest first needs files.newestOrder");
    results = byDate(results, await files.newestOrder());
  } else if (results.length > 1) {
    results = await rank(pagefind, words, results, options);
  }
  // The first result's fragment is shown anyway: checking it costs no download.
  return { results, suspect: wordsMissingFrom((await results[0]!.data()).content, words) };
}

/**
 * Whether a slip is plain enough to search for the reader: two letters swapped or one dropped
 * in a word of 4 letters or more, or one added in a word of 5 or more.
 */
function autoCorrected(typed: string, correction: Correction): boolean {
  const length = [...lookupForm(typed)].length;
  if (correction.edit === "swapped" || correction.edit === "dropped") return length >= MIN_CORRECTED_LENGTH - 1;
  return correction.edit === "added" && length >= MIN_CORRECTED_LENGTH;
}

/** Corrections to try, best first: each missing word's likeliest, then its next ones. */
function attempts(choices: Map<string, Correction[]>, usable: (word: string, c: Correction) => boolean) {
  const options = [...choices].map(([word, close]) => [word, close.filter((c) => usable(word, c)).slice(0, MAX_TRIES)] as const);
  if (options.some(([, close]) => !close.length)) return [];
  const tries = Math.max(0, ...options.map(([, close]) => close.length));
  return Array.from({ length: tries }, (_, i) => new Map(options.map(([word, close]) => [word, close[Math.min(i, close.length - 1)]!])));
}

/**
 * Search the way Vietnamese readers mean it (see `rank`). A query with a word that occurs
 * nowhere finds nothing, as it should; then, with the index's vocabulary, a plain slip in a
 * long word (`autoCorrected`) is corrected and searched (the results say so), and any other
 * close spelling that would find something is only suggested.
 */
export async function rankedSearch(
  pagefind: PagefindApi,
  request: SearchRequest,
  files: SearchFiles = {},
): Promise<RankedSearch> {
  const words = queryWords(request.query);
  const none: RankedSearch = { results: [], corrections: [] };
  if (!words.length) return none;
  const found = await searchWords(pagefind, words, request, files);
  if (!found.suspect.length) return { results: found.results, corrections: [] };
  if (!files.vocabulary) return none;

  const vocabulary = await files.vocabulary();
  const missing = found.suspect.filter((word) => !hasPrefix(vocabulary, lookupForm(word)));
  // The top result lacked a word the index has: trust Pagefind's answer.
  if (!missing.length && found.results.length) return { results: found.results, corrections: [] };
  if (!missing.length) return none;

  const choices = new Map(missing.map((word) => [word, closeWords(vocabulary, lookupForm(word))]));
  const tryEach = async (usable: (word: string, c: Correction) => boolean) => {
    for (const replacement of attempts(choices, usable)) {
      const corrected = words.map((word) => replacement.get(word)?.folded ?? word);
      const retry = await searchWords(pagefind, corrected, request, files);
      if (retry.results.length && !retry.suspect.length) return { replacement, results: retry.results };
    }
    return undefined;
  };
  const fixed = await tryEach(autoCorrected);
  if (fixed) {
    const corrections = missing.map((word) => ({ typed: fromIndexText(word), used: fixed.replacement.get(word)!.display }));
    return { results: fixed.results, corrections };
  }
  const offered = await tryEach(() => true);
  if (!offered) return none;
  return { ...none, suggestion: words.map((word) => offered.replacement.get(word)?.display ?? fromIndexText(word)).join(" ") };
}
