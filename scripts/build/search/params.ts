import { FIXED_PAGES } from "../urls.ts";
/** URL of the search page and its query parameters (shared by markup and client). */
export const SEARCH_PAGE_URL = FIXED_PAGES.search;
export const PARAM_QUERY = "q";
export const PARAM_CATEGORY = "chuyen-muc";
export const PARAM_SORT = "sap-xep";
export const SORT_NEWEST = "moi-nhat";

/** Results per page ("Xem thêm" loads the next page). */
export const RESULTS_PAGE_SIZE = 10;
/**
 * Results whose fragments load with the answer (about a screenful below the form). The next ones
 * load, this many at a time, when the last shown result scrolls near the viewport (each fragment
 * is a request of ≈1.5 KB: measure.ts counts the first batch).
 */
export const RESULTS_FIRST_BATCH = 4;

/** Pagefind filter holding the numbers and Roman numerals of a title (index-html.ts, ranking.ts). */
export const TITLE_NUMBER_FILTER = "so";
/** Heading ids of attachment sections in the index: the client names the file when the hits lie under one. */
export const ATTACHMENT_ID_PREFIX = "tep-dinh-kem-";
/**
 * Display-only filters: an article's date (ISO, Vietnam time) and own category. Pagefind 1.6 makes
 * every meta field searchable ("2020" would match every page dated 2020); filter values are not
 * searched, yet each result's fragment carries them.
 */
export const DATE_FILTER = "ngay";
export const OWN_CATEGORY_FILTER = "muc";
/**
 * In the pagefind folder: every page's result id, newest first (undated pages last). Loaded only
 * for "newest first", so a relevance search does not download a sort order (write-newest-order.ts).
 */
export const NEWEST_ORDER_FILE = "newest-order.json";
