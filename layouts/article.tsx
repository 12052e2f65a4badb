import type { BuildContext } from "../scripts/build/build-context.ts";
import type { Article } from "../scripts/build/model/types.ts";
import { articleMeta } from "../scripts/build/publish/metadata.ts";
import { Base } from "./base.tsx";
import { ArticleList, Breadcrumb, Html, Time } from "./components.tsx";

const RELATED = 5;

/** Each article's place in the newest-first list, worked out once per model (an indexOf per page was O(n²)). */
const positions = new WeakMap<readonly Article[], Map<Article, number>>();
function positionOf(articles: readonly Article[], article: Article): number {
  let map = positions.get(articles);
  if (!map) positions.set(articles, (map = new Map(articles.map((a, i) => [a, i]))));
  return map.get(article) ?? -1;
}

export function ArticlePage({ build, article }: { build: BuildContext; article: Article }) {
  const { articles } = build.model;
  const index = positionOf(articles, article);
  // The list is newest first: "previous" is the older neighbour.
  const older = articles[index + 1];
  const newer = index > 0 ? articles[index - 1] : undefined;
  const related = article.category.articles.slice(0, RELATED + 1).filter((a) => a !== article).slice(0, RELATED);
  return (
    <Base
      build={build}
      title={article.title}
      description={article.summary}
      url={article.url}
      meta={articleMeta(build.model.site, article, (src) => build.images.ogImage(src))}
    >
      <article class="article" data-pagefind-body>
        <Breadcrumb category={article.category} />
        <h1 class="article-title">{article.title}</h1>
        <p class="article-meta">
          Đăng lúc: <Time date={article.date} format="dateTime" />
          {article.draft && <span class="badge">Bản nháp</span>}
          {article.future && <span class="badge">Hẹn giờ, chưa công khai</span>}
        </p>
        <Html class="article-body prose" html={article.html} />
        {article.author && <p class="article-author">{article.author}</p>}
        {article.tags.length > 0 && (
          <p class="article-tags">
            <span>Thẻ:</span>{" "}
            {article.tags.map((t, i) => (
              <>
                {i > 0 && ", "}
                <a href={t.url} rel="tag">
                  {t.name}
                </a>
              </>
            ))}
          </p>
        )}
      </article>
      {(older || newer) && (
        <nav class="prev-next" aria-label="Bài trước, bài sau">
          {older && (
            <a href={older.url} rel="prev">
              <span class="prev-next-label">‹ Bài trước</span> {older.title}
            </a>
          )}
          {newer && (
            <a href={newer.url} rel="next">
              <span class="prev-next-label">Bài sau ›</span> {newer.title}
            </a>
          )}
        </nav>
      )}
      {related.length > 0 && (
        <section class="related" aria-labelledby="cung-chuyen-muc">
          <h2 id="cung-chuyen-muc">Tin cùng chuyên mục</h2>
          <ArticleList articles={related} headingLevel={3} />
        </section>
      )}
    </Base>
  );
}
