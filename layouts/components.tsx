import type { DateTime } from "luxon";
import type { ComponentChildren } from "preact";
import { IMAGE_SIZES } from "../scripts/build/images/config.ts";
import { formatDate, formatDateTime, formatLongDate, toIso } from "../scripts/build/model/dates.ts";
import { pageUrl } from "../scripts/build/model/paginate.ts";
import type { SiteData } from "../scripts/build/content/schema.ts";
import type { Article, Category } from "../scripts/build/model/types.ts";
import { FIXED_PAGES } from "../scripts/build/urls.ts";

const DATE_FORMATS = { date: formatDate, dateTime: formatDateTime, long: formatLongDate } as const;

/** Every date a reader sees: Vietnam time, the same machine-readable form everywhere. */
export function Time({ date, format = "date" }: { date: DateTime; format?: keyof typeof DATE_FORMATS }) {
  return <time datetime={toIso(date)}>{DATE_FORMATS[format](date)}</time>;
}

export function Breadcrumb({ category, current }: { category: Category; current?: string }) {
  return (
    <nav class="breadcrumb" aria-label="Đường dẫn">
      <ol>
        <li>
          <a href={FIXED_PAGES.home}>Trang chủ</a>
        </li>
        {category.path.map((c) => (
          <li>
            <a href={c.url}>{c.name}</a>
          </li>
        ))}
        {current && <li aria-current="page">{current}</li>}
      </ol>
    </nav>
  );
}

export function ArticleCard({ article, headingLevel = 3, showSummary = true }: { article: Article; headingLevel?: 2 | 3; showSummary?: boolean }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <article class={article.image ? "card has-image" : "card"}>
      {article.image && <img class="card-image" src={article.image} alt={article.imageAlt ?? ""} sizes={IMAGE_SIZES.card} />}
      <Heading class="card-title">
        <a href={article.url}>{article.title}</a>
      </Heading>
      <p class="card-meta">
        <Time date={article.date} /> · <a href={article.category.url}>{article.category.name}</a>
        {article.draft && <span class="badge">Bản nháp</span>}
        {article.future && <span class="badge">Hẹn giờ</span>}
      </p>
      {showSummary && article.summary && <p class="card-summary">{article.summary}</p>}
    </article>
  );
}

export function ArticleList({ articles, headingLevel = 2 }: { articles: Article[]; headingLevel?: 2 | 3 }) {
  if (articles.length === 0) return <p class="empty">Chưa có bài viết.</p>;
  return (
    <ul class="article-list">
      {articles.map((a) => (
        <li>
          <ArticleCard article={a} headingLevel={headingLevel} />
        </li>
      ))}
    </ul>
  );
}

export function Pagination({ baseUrl, pageNumber, totalPages }: { baseUrl: string; pageNumber: number; totalPages: number }) {
  if (totalPages <= 1) return null;
  const pages = Array.from({ length: totalPages }, (_, i) => i + 1).filter(
    (n) => n === 1 || n === totalPages || Math.abs(n - pageNumber) <= 2,
  );
  return (
    <nav class="pagination" aria-label="Phân trang">
      <ul>
        {pageNumber > 1 && (
          <li>
            <a href={pageUrl(baseUrl, pageNumber - 1)} rel="prev">
              ‹ Trang trước
            </a>
          </li>
        )}
        {pages.map((n, i) => (
          <>
            {i > 0 && n - pages[i - 1]! > 1 && <li aria-hidden="true">…</li>}
            <li>
              {n === pageNumber ? (
                <span aria-current="page">
                  <span class="visually-hidden">Trang </span>
                  {n}
                </span>
              ) : (
                <a href={pageUrl(baseUrl, n)}>
                  <span class="visually-hidden">Trang </span>
                  {n}
                </a>
              )}
            </li>
          </>
        ))}
        {pageNumber < totalPages && (
          <li>
            <a href={pageUrl(baseUrl, pageNumber + 1)} rel="next">
              Trang sau ›
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}

/** Trusted HTML produced by our own renderer (Markdown with raw HTML off, or a widget). */
export function Html({ html, class: className }: { html: string; class?: string }) {
  return <div class={className} dangerouslySetInnerHTML={{ __html: html }} />;
}

/**
 * The organisation's contact details from site.yaml (the footer, and pages with `show_contact`);
 * an empty field is left out. `withPublisher` adds who answers for the content and the licence.
 */
export function Contact({ site, class: className, withPublisher = false }: { site: SiteData; class: string; withPublisher?: boolean }) {
  const rows: [string, ComponentChildren][] = [];
  if (site.address) rows.push(["Địa chỉ", site.address]);
  if (site.phone) rows.push(["Điện thoại", <a href={`tel:${site.phone.replace(/[^\d+]/g, "")}`}>{site.phone}</a>]);
  if (site.fax) rows.push(["Fax", site.fax]);
  if (site.email) rows.push(["Email", <a href={`mailto:${site.email}`}>{site.email}</a>]);
  if (withPublisher && site.responsible) rows.push(["Chịu trách nhiệm nội dung", site.responsible]);
  if (withPublisher && site.licence) rows.push(["Giấy phép", site.licence]);
  if (rows.length === 0) return null;
  return (
    <dl class={className}>
      {rows.map(([label, value]) => (
        <>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </>
      ))}
    </dl>
  );
}
