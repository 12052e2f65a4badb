import { PARAM_QUERY, SEARCH_PAGE_URL } from "./params.ts";

/** The header's search box on every page: a plain GET form, so it works without JavaScript. */
export function HeaderSearchForm() {
  return (
    <form class="header-search" role="search" action={SEARCH_PAGE_URL} method="get">
      <label for="header-search-q" class="visually-hidden">
        Tìm kiếm
      </label>
      <input id="header-search-q" type="search" name={PARAM_QUERY} placeholder="Tìm kiếm…" />
      <button type="submit">Tìm</button>
    </form>
  );
}
