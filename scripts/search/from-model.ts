import type { SiteModel } from "../model/types.ts";
import type { SearchDocument } from "./index-html.ts";

/** What the site indexes: every article and static page of the model, never a listing. */
export function searchDocuments(model: Pick<SiteModel, "articles" | "pages">): SearchDocument[] {
  return [
    ...model.articles.map((a) => ({
      url: a.url,
      title: a.title,
      html: a.html,
      dateIso: a.dateIso,
      category: a.category.name,
      summary: a.summary,
    })),
    ...model.pages.map((p) => ({ url: p.url, title: p.title, html: p.html, summary: p.summary })),
  ];
}
