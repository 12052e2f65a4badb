/**
 * The search page's client (bundled to /assets/search.js). It reads ?q= (and the filter and
 * sort parameters), searches with Pagefind's JS API plus our Vietnamese ranking, and renders
 * the results as plain DOM: no inline styles or scripts, so it runs under the site's CSP.
 */
import { createInstance } from "pagefind-web";
import { ATTACHMENT_ID_PREFIX, DATE_FILTER, OWN_CATEGORY_FILTER, PARAM_CATEGORY, PARAM_QUERY, NEWEST_ORDER_FILE, PARAM_SORT, RESULTS_FIRST_BATCH, RESULTS_PAGE_SIZE, SEARCH_PAGE_URL, SORT_NEWEST } from "./params.ts";
import { rankedSearch, type PagefindApi, type PagefindFragment, type PagefindResult, type PagefindSubResult, type RankedSearch, type SearchFiles, type SortOrder } from "./ranking.ts";
import { fromIndexText } from "./vietnamese.ts";
import { VOCABULARY_FILE, type Vocabulary } from "./vocabulary.ts";

const PAGEFIND_BASE = "/pagefind/";
const DEBOUNCE_MS = 300;

function required<T extends Element>(root: ParentNode, selector: string): T {
  const element = root.querySelector<T>(selector);
  if (!element) throw new Error(`search page: missing ${selector}`);
  return element;
}

const page = required<HTMLElement>(document, "[data-search-page]");
const form = required<HTMLFormElement>(page, "[data-search-form]");
const input = required<HTMLInputElement>(form, `input[name="${PARAM_QUERY}"]`);
const categorySelect = required<HTMLSelectElement>(form, `select[name="${PARAM_CATEGORY}"]`);
const sortSelect = required<HTMLSelectElement>(form, `select[name="${PARAM_SORT}"]`);
const status = required<HTMLElement>(page, "[data-search-status]");
const list = required<HTMLOListElement>(page, "[data-search-results]");
const more = required<HTMLButtonElement>(page, "[data-search-more]");
const suggestion = required<HTMLElement>(page, "[data-search-suggestion]");

// Pagefind's API is bundled in (bundle-client.ts); the index, wasm and metadata load from /pagefind/.
const pagefind = createInstance({ basePath: PAGEFIND_BASE, noWorker: true, excerptLength: 26, excerptEllipsis: "…" }) as PagefindApi;

/** A JSON file of the pagefind folder, fetched on first use (again after a failure). */
function onDemand<T>(file: string): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    loading ??= fetch(`${PAGEFIND_BASE}${file}`).then((response) => {
      if (!response.ok) throw new Error(`${response.status} ${file}`);
      return response.json() as Promise<T>;
    });
    loading.catch(() => (loading = undefined));
    return loading;
  };
}
/** The vocabulary only when a query word occurs nowhere; the date order only for "newest first". */
const searchFiles: SearchFiles = { vocabulary: onDemand<Vocabulary>(VOCABULARY_FILE), newestOrder: onDemand<string[]>(NEWEST_ORDER_FILE) };

/** Pagefind's excerpt: text with <mark> around hits and < > escaped. Built as nodes, never as HTML. */
function excerptNodes(excerpt: string): Node[] {
  const nodes: Node[] = [];
  let marked = false;
  for (const part of excerpt.split(/(<\/?mark>)/)) {
    if (part === "<mark>" || part === "</mark>") {
      marked = part === "<mark>";
      continue;
    }
    if (!part) continue;
    const text = document.createTextNode(fromIndexText(part.replace(/&lt;/g, "<").replace(/&gt;/g, ">")));
    if (marked) {
      const mark = document.createElement("mark");
      mark.append(text);
      nodes.push(mark);
    } else {
      nodes.push(text);
    }
  }
  return nodes;
}

/** When the hits lie mostly in an attached file: its name and the excerpt from it. */
function attachmentHit(fragment: PagefindFragment): { name: string; excerpt: string } | undefined {
  const weight = (locations: { balanced_score: number }[]) => locations.reduce((sum, l) => sum + l.balanced_score, 0);
  let best: PagefindSubResult | undefined;
  for (const sub of fragment.sub_results ?? []) if (!best || weight(sub.weighted_locations) > weight(best.weighted_locations)) best = sub;
  const id = best?.anchor?.id;
  if (!best || !id?.startsWith(ATTACHMENT_ID_PREFIX)) return undefined;
  return { name: fromIndexText(best.title).replace(/^[^:]*:\s*/, ""), excerpt: best.excerpt };
}

function resultItem(fragment: PagefindFragment): HTMLLIElement {
  const item = document.createElement("li");
  item.className = "search-result";
  const heading = document.createElement("h2");
  const link = document.createElement("a");
  link.href = fragment.url;
  link.textContent = fromIndexText(fragment.meta["title"] ?? fragment.url);
  heading.append(link);
  item.append(heading);

  const dateIso = fragment.filters?.[DATE_FILTER]?.[0];
  const category = fragment.filters?.[OWN_CATEGORY_FILTER]?.[0];
  // Vietnam time already (+07:00): dd/mm/yyyy straight from the ISO string.
  const date = dateIso && `${dateIso.slice(8, 10)}/${dateIso.slice(5, 7)}/${dateIso.slice(0, 4)}`;
  if (date || category) {
    const meta = document.createElement("p");
    meta.className = "search-result-meta";
    if (date) {
      const time = document.createElement("time");
      if (dateIso) time.dateTime = dateIso;
      time.textContent = date;
      meta.append(time);
    }
    if (date && category) meta.append(" · ");
    if (category) meta.append(category);
    item.append(meta);
  }
  const excerpt = document.createElement("p");
  excerpt.className = "search-result-excerpt";
  const inFile = attachmentHit(fragment);
  if (inFile) {
    const file = document.createElement("span");
    file.className = "search-result-file";
    file.textContent = `Trong tệp đính kèm ${inFile.name}:`;
    excerpt.append(file, " ");
  }
  excerpt.append(...excerptNodes(inFile?.excerpt ?? fragment.excerpt));
  item.append(excerpt);
  return item;
}

let results: PagefindResult[] = [];
let shown = 0;
/** Where the current page of results ends ("Xem thêm" starts the next). */
let pageEnd = 0;
/** Bumped by each new search, so a load for an older one drops its results. */
let generation = 0;

const nearViewport = new IntersectionObserver(
  (entries) => {
    if (!entries.some((entry) => entry.isIntersecting)) return;
    nearViewport.disconnect();
    void showBatch();
  },
  // As the last result shown comes into view (any part of it: a tall one still triggers).
  { rootMargin: "0px 0px 100px 0px" },
);

/** The next few results of the page; the rest wait until the last one shown is in view. */
async function showBatch(): Promise<void> {
  const current = generation;
  const batch = results.slice(shown, Math.min(shown + RESULTS_FIRST_BATCH, pageEnd));
  shown += batch.length;
  const fragments = await Promise.all(batch.map((r) => r.data()));
  if (current !== generation) return;
  // A keyboard reader may have tabbed past the list while this batch loaded: keep what they focused where it was.
  const focused = document.activeElement;
  const below = focused !== null && list.compareDocumentPosition(focused) & Node.DOCUMENT_POSITION_FOLLOWING;
  const topBefore = below ? focused.getBoundingClientRect().top : 0;
  list.append(...fragments.map(resultItem));
  if (shown < pageEnd && list.lastElementChild) nearViewport.observe(list.lastElementChild);
  more.hidden = shown < pageEnd || shown >= results.length;
  if (below) window.scrollBy(0, focused.getBoundingClientRect().top - topBefore);
}

async function showMore(): Promise<void> {
  pageEnd = Math.min(shown + RESULTS_PAGE_SIZE, results.length);
  await showBatch();
}

function resetResults(next: PagefindResult[]): void {
  generation++;
  nearViewport.disconnect();
  results = next;
  shown = 0;
  pageEnd = 0;
  list.replaceChildren();
}

interface SearchState {
  query: string;
  category: string;
  sort: SortOrder;
}

function currentState(): SearchState {
  return {
    query: input.value.trim(),
    category: categorySelect.value,
    sort: sortSelect.value === SORT_NEWEST ? "newest" : "relevance",
  };
}

function syncUrl(state: SearchState): void {
  const url = new URL(location.href);
  url.search = "";
  if (state.query) url.searchParams.set(PARAM_QUERY, state.query);
  if (state.category) url.searchParams.set(PARAM_CATEGORY, state.category);
  if (state.sort === "newest") url.searchParams.set(PARAM_SORT, SORT_NEWEST);
  history.replaceState(null, "", url);
}

let latest = 0;
let composing = false;
let queue: Promise<void> = Promise.resolve();

/** Searches run one at a time (ranking switches Pagefind options); only the latest request renders. */
function search(): void {
  if (composing) return;
  const id = ++latest;
  const state = currentState();
  syncUrl(state);
  queue = queue.then(async () => {
    if (id !== latest) return;
    suggestion.hidden = true;
    if (!state.query) {
      resetResults([]);
      more.hidden = true;
      status.textContent = "";
      return;
    }
    status.textContent = "Đang tìm…";
    try {
      const ranked = await rankedSearch(pagefind, state, searchFiles);
      if (id !== latest) return;
      resetResults(ranked.results);
      await showMore();
      status.textContent = statusText(state.query, ranked);
      if (ranked.suggestion) showSuggestion(ranked.suggestion);
    } catch (error) {
      console.error(error);
      status.textContent = "Không tải được dữ liệu tìm kiếm. Vui lòng thử lại sau.";
    }
  });
}

function statusText(query: string, ranked: RankedSearch): string {
  if (!ranked.results.length) return `Không tìm thấy kết quả nào cho “${query}”. Hãy thử từ khóa khác.`;
  if (!ranked.corrections.length) return `Tìm thấy ${ranked.results.length} kết quả cho “${query}”.`;
  const fixes = ranked.corrections.map((c) => `“${c.used}” thay cho “${c.typed}”`).join(", ");
  return `Không có trang nào chứa đúng “${query}”. Tìm thấy ${ranked.results.length} kết quả với ${fixes}.`;
}

/** A close spelling that would find something: a link to its own search, never its results. */
function showSuggestion(text: string): void {
  const link = document.createElement("a");
  const url = new URL(SEARCH_PAGE_URL, location.href);
  url.searchParams.set(PARAM_QUERY, text);
  link.href = url.pathname + url.search;
  link.textContent = text;
  suggestion.replaceChildren("Có phải bạn muốn tìm: ", link, "?");
  suggestion.hidden = false;
}

let timer: ReturnType<typeof setTimeout> | undefined;
function searchSoon(): void {
  clearTimeout(timer);
  timer = setTimeout(search, DEBOUNCE_MS);
}

// Telex/VNI input methods compose a syllable before committing it: wait for compositionend.
input.addEventListener("compositionstart", () => {
  composing = true;
  clearTimeout(timer);
});
input.addEventListener("compositionend", () => {
  composing = false;
  searchSoon();
});
input.addEventListener("input", (event) => {
  if (composing || (event as InputEvent).isComposing) return;
  searchSoon();
});
form.addEventListener("submit", (event) => {
  event.preventDefault();
  clearTimeout(timer);
  search();
});
categorySelect.addEventListener("change", search);
sortSelect.addEventListener("change", search);
more.addEventListener("click", () => {
  const firstNew = shown;
  void showMore().then(() => list.children[firstNew]?.querySelector("a")?.focus());
});

function start(): void {
  const params = new URLSearchParams(location.search);
  input.value = params.get(PARAM_QUERY) ?? "";
  sortSelect.value = params.get(PARAM_SORT) === SORT_NEWEST ? SORT_NEWEST : "";
  const category = params.get(PARAM_CATEGORY);
  if ([...categorySelect.options].some((option) => option.value === category)) categorySelect.value = category!;
  page.querySelector("[data-search-nojs]")?.remove();
  form.hidden = false;
  if (input.value) search();
  else input.focus();
}

start();
