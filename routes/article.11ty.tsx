import { ArticlePage } from "../layouts/article.tsx";
import { onePagePer } from "./route.ts";

export const { data, render } = onePagePer("articles", (build, article) => <ArticlePage build={build} article={article} />);
