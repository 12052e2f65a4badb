/** URLs of the search page and its script, and its query parameters (shared by markup and client). */
export const SEARCH_PAGE_URL = "/tim-kiem/";
export const PARAM_QUERY = "q";
export const PARAM_CATEGORY = "chuyen-muc";
export const PARAM_SORT = "sap-xep";
export const SORT_NEWEST = "moi-nhat";
/** Written by `buildSearchIndex`. */
export const SEARCH_SCRIPT_URL = "/assets/search.js";
