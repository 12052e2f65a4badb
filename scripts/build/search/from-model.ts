import type { SiteModel } from "../model/types.ts";
import { linkedFiles } from "./attachments.ts";
import type { SearchDocument } from "./index-html.ts";
import type { SearchCategory } from "../../../layouts/search-page.tsx";

/** What the site indexes: every article and static page of the model, never a listing. */
export function searchDocuments(model: Pick<SiteModel, "articles" | "pages" | "contentDir">): SearchDocument[] {
  const attachments = (doc: SiteModel["articles"][number] | SiteModel["pages"][number]) => {
    const files = linkedFiles(doc, model.contentDir).map(({ name, path }) => ({ name, path }));
    return files.length ? { attachments: files } : {};
  };
  return [
    ...model.articles.map((a) => ({
      url: a.url,
      title: a.title,
      html: a.html,
      dateIso: a.dateIso,
      category: a.category.name,
      categoryPath: a.category.path.map((c) => c.name),
      summary: a.summary,
      ...attachments(a),
    })),
    ...model.pages.map((p) => ({ url: p.url, title: p.title, html: p.html, summary: p.summary, ...attachments(p) })),
  ];
}

/** The search page's category filter: categories with articles, in tree order. */
export function searchCategories(model: Pick<SiteModel, "categories">): SearchCategory[] {
  return model.categories.filter((c) => c.articles.length).map((c) => ({ name: c.name, level: c.path.length - 1 }));
}
