import { ArticlePage } from "../layouts/article.tsx";
import type { Article } from "../scripts/model/types.ts";
import { renderDocument } from "../scripts/render/document.ts";
import type { RouteData } from "./route.ts";

type Data = RouteData<{ article: Article }>;

export const data = {
  pagination: { data: "build.model.articles", size: 1, alias: "article" },
  permalink: (d: Data) => d.article.url,
  eleventyExcludeFromCollections: true,
};

export function render({ build, article }: Data) {
  return renderDocument(<ArticlePage build={build} article={article} />);
}
