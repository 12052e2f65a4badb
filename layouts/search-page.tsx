import { PARAM_CATEGORY, PARAM_QUERY, PARAM_SORT, SEARCH_PAGE_URL, SORT_NEWEST } from "../scripts/build/search/params.ts";
import { FIXED_PAGES } from "../scripts/build/urls.ts";

/**
 * Inner content of <main> at /tim-kiem/ (the page loads `bundleSearchClient()`'s script).
 * Without JavaScript only the notice shows; the client removes it, reveals the form and
 * renders results into the list.
 */
export interface SearchCategory {
  name: string;
  /** 0 for a top-level category. */
  level: number;
}

export function SearchPage({ categories }: { categories: SearchCategory[] }) {
  return (
    <div class="search-page" data-search-page>
      <h1>Tìm kiếm</h1>
      <p class="search-nojs" data-search-nojs>
        Chức năng tìm kiếm cần bật JavaScript. Bạn vẫn có thể tìm bài viết theo năm và chuyên mục trong{" "}
        <a href={FIXED_PAGES.archive}>trang lưu trữ</a>.
      </p>
      <form class="search-form" role="search" action={SEARCH_PAGE_URL} method="get" data-search-form hidden>
        <div class="search-field">
          <label for="search-q">Từ khóa</label>
          <input id="search-q" type="search" name={PARAM_QUERY} autocomplete="off" spellcheck={false} />
          <button type="submit">Tìm</button>
        </div>
        <div class="search-options">
          <label for="search-category">Chuyên mục</label>
          <select id="search-category" name={PARAM_CATEGORY}>
            <option value="">Tất cả chuyên mục</option>
            {categories.map((c) => (
              <option value={c.name}>{"— ".repeat(c.level) + c.name}</option>
            ))}
          </select>
          <label for="search-sort">Sắp xếp</label>
          <select id="search-sort" name={PARAM_SORT}>
            <option value="">Liên quan nhất</option>
            <option value={SORT_NEWEST}>Mới nhất</option>
          </select>
        </div>
      </form>
      <p class="search-status" role="status" aria-live="polite" data-search-status></p>
      <p class="search-suggestion" data-search-suggestion hidden></p>
      <ol class="search-results" data-search-results></ol>
      <button type="button" class="search-more" data-search-more hidden>
        Xem thêm kết quả
      </button>
    </div>
  );
}
