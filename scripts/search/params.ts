import { FIXED_PAGES } from "../urls.ts";
/** URL of the search page and its query parameters (shared by markup and client). */
export const SEARCH_PAGE_URL = FIXED_PAGES.search;
export const PARAM_QUERY = "q";
export const PARAM_CATEGORY = "chuyen-muc";
export const PARAM_SORT = "sap-xep";
export const SORT_NEWEST = "moi-nhat";

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
