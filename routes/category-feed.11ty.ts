import type { Category } from "../scripts/build/model/types.ts";
import { categoryFeed, categoryFeedPath } from "../scripts/build/publish/site-files.ts";
import type { RouteData } from "./route.ts";

type Data = RouteData<{ category: Category }>;

export const data = {
  pagination: { data: "build.model.categories", size: 1, alias: "category" },
  permalink: (d: Data) => categoryFeedPath(d.category),
  eleventyExcludeFromCollections: true,
};

export function render({ build, category }: Data) {
  return categoryFeed(build.model, category);
}
