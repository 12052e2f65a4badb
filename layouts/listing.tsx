import type { BuildContext } from "../scripts/build/build-context.ts";
import type { Listing } from "../scripts/build/model/types.ts";
import { categoryFeedPath, feedTitle } from "../scripts/build/publish/site-files.ts";
import { Base } from "./base.tsx";
import { ArticleList, Breadcrumb, Pagination } from "./components.tsx";
import { FIXED_PAGES, yearUrl } from "../scripts/build/urls.ts";

export function ListingPage({ build, listing }: { build: BuildContext; listing: Listing }) {
  const title = listing.pageNumber > 1 ? `${listing.title} (trang ${listing.pageNumber})` : listing.title;
  const feed = listing.category ? categoryFeedPath(listing.category) : undefined;
  return (
    <Base
      build={build}
      title={title}
      url={listing.url}
      description={listing.category?.description}
      head={feed && <link rel="alternate" type="application/atom+xml" title={feedTitle(build.model.site, listing.category)} href={feed} />}
    >
      {listing.category?.parent && <Breadcrumb category={listing.category.parent} />}
      <h1>{title}</h1>
      {listing.category && listing.category.children.length > 0 && (
        <nav class="subcategories" aria-label="Chuyên mục con">
          <ul>
            {listing.category.children.map((c) => (
              <li>
                <a href={c.url}>{c.name}</a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <ArticleList articles={listing.articles} />
      <Pagination baseUrl={listing.baseUrl} pageNumber={listing.pageNumber} totalPages={listing.totalPages} />
    </Base>
  );
}

export function ArchiveIndexPage({ build }: { build: BuildContext }) {
  const { years, categories } = build.model;
  return (
    <Base build={build} title="Lưu trữ" url={FIXED_PAGES.archive}>
      <h1>Lưu trữ</h1>
      <h2>Theo năm</h2>
      {years.length === 0 ? (
        <p class="empty">Chưa có bài viết.</p>
      ) : (
        <ul class="archive-years">
          {years.map((y) => (
            <li>
              <a href={yearUrl(y.year)}>Năm {y.year}</a> ({y.articles.length} bài)
            </li>
          ))}
        </ul>
      )}
      <h2>Theo chuyên mục</h2>
      <ul class="archive-categories">
        {categories.map((c) => (
          <li class={c.parent ? "child" : undefined}>
            <a href={c.url}>{c.name}</a> ({c.articles.length} bài)
          </li>
        ))}
      </ul>
    </Base>
  );
}
