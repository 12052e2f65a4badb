/** URL of the search page and its query parameters (shared by markup and client). */
export const SEARCH_PAGE_URL = "/tim-kiem/";
export const PARAM_QUERY = "q";
export const PARAM_CATEGORY = "chuyen-muc";
export const PARAM_SORT = "sap-xep";
export const SORT_NEWEST = "moi-nhat";
