import type { BuildContext } from "../scripts/build/build-context.ts";
import { IMAGE_SIZES } from "../scripts/build/images/config.ts";
import { Base } from "./base.tsx";
import { ArticleCard, ArticleList, Time } from "./components.tsx";
import { FIXED_PAGES } from "../scripts/build/urls.ts";

const LATEST = 8;
const PER_CATEGORY = 4;

export function HomePage({ build }: { build: BuildContext }) {
  const { articles, categories, site } = build.model;
  const [lead, ...rest] = articles;
  const roots = categories.filter((c) => !c.parent && c.articles.length > 0);
  return (
    <Base build={build} title={site.name} url={FIXED_PAGES.home}>
      <h1 class="visually-hidden">{site.name}</h1>
      {lead ? (
        <article class="lead-article">
          {lead.image && <img class="lead-image" src={lead.image} alt={lead.imageAlt ?? ""} sizes={IMAGE_SIZES.lead} />}
          <p class="lead-kicker">
            <a href={lead.category.url}>{lead.category.name}</a> ·{" "}
            <Time date={lead.date} format="long" />
          </p>
          <h2 class="lead-title">
            <a href={lead.url}>{lead.title}</a>
          </h2>
          {lead.summary && <p class="lead-summary">{lead.summary}</p>}
        </article>
      ) : (
        <p class="empty">Chưa có bài viết.</p>
      )}
      {rest.length > 0 && (
        <section aria-labelledby="tin-moi">
          <h2 id="tin-moi">Tin mới</h2>
          <ul class="article-list">
            {rest.slice(0, LATEST).map((a) => (
              <li>
                <ArticleCard article={a} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {roots.map((c) => (
        <section class="home-category" aria-labelledby={`cm-${c.key}`}>
          <h2 id={`cm-${c.key}`}>
            <a href={c.url}>{c.name}</a>
          </h2>
          <ArticleList articles={c.articles.slice(0, PER_CATEGORY)} headingLevel={3} />
        </section>
      ))}
    </Base>
  );
}
