// The preview pane, in the site's markup and style sheet: dates as the site shows them (Vietnam time),
// category names, the body through the site's own Markdown renderer (figures, video blocks).
import { createElement as h, type ReactNode } from "react";
import { formatDateTime, parseContentDate } from "../model/dates.ts";
import { renderMarkdown } from "../render/markdown.ts";

interface Asset {
  toString(): string;
}
interface ImmutableLike {
  get(key: string): unknown;
  getIn(path: string[]): unknown;
  toJS?(): unknown;
}
export interface PreviewProps {
  entry: ImmutableLike;
  getAsset: (path: string) => Asset | undefined;
}

/** category key → "Tin hoạt động › Liên hiệp Hội", from the select field of the config. */
const categoryNames = new Map<string, string>();

export function registerCategoryNames(config: { collections?: { fields?: { name: string; options?: { value: string; label: string }[] }[] }[] }): void {
  for (const collection of config.collections ?? []) {
    for (const option of collection.fields?.find((f) => f.name === "category")?.options ?? []) categoryNames.set(option.value, option.label);
  }
}

const text = (v: unknown) => (typeof v === "string" ? v : "");

function bodyHtml(body: string, getAsset: PreviewProps["getAsset"]): string {
  const resolveUrl = (target: string) => (/^(?:[a-z]+:|\/\/|#|\/)/i.test(target) ? target : String(getAsset(target) ?? target));
  return renderMarkdown(body, { resolveUrl, bodyLine: 1 }).html;
}

/** The site's column (layouts/base.tsx), so the measure and image sizes are the site's. */
const layout = (content: ReactNode) => h("div", { className: "container layout" }, h("main", null, content));

export function ArticlePreview({ entry, getAsset }: PreviewProps): ReactNode {
  const data = (key: string) => entry.getIn(["data", key]);
  const date = parseContentDate(data("date"));
  const category = text(data("category"));
  const tagsValue = data("tags") as { toJS?: () => unknown } | string | undefined;
  const tags = (typeof tagsValue === "string" ? [tagsValue] : ((tagsValue?.toJS?.() as string[] | undefined) ?? [])).filter(Boolean);
  return layout(
      h(
        "article",
        { className: "article" },
        h("nav", { className: "breadcrumb" }, h("ol", null, h("li", null, "Trang chủ"), ...(categoryNames.get(category) ?? category).split(" › ").map((c) => h("li", { key: c }, c)))),
        h("h1", { className: "article-title" }, text(data("title"))),
        h(
          "p",
          { className: "article-meta" },
          "Đăng lúc: ",
          date.ok ? h("time", null, formatDateTime(date.value)) : null,
          data("draft") === true ? h("span", { className: "badge" }, "Bản nháp") : null,
        ),
        h("div", { className: "article-body prose", dangerouslySetInnerHTML: { __html: bodyHtml(text(data("body")), getAsset) } }),
        text(data("author")) ? h("p", { className: "article-author" }, text(data("author"))) : null,
        tags.length > 0
          ? h("p", { className: "article-tags" }, h("span", null, "Thẻ:"), " ", ...tags.flatMap((t, i) => [i > 0 ? ", " : null, h("a", { key: t, rel: "tag" }, t)]))
          : null,
      ),
  );
}

export function PagePreview({ entry, getAsset }: PreviewProps): ReactNode {
  return layout(
    h(
      "article",
      { className: "static-page" },
      h("h1", null, text(entry.getIn(["data", "title"]))),
      h("div", { className: "prose", dangerouslySetInnerHTML: { __html: bodyHtml(text(entry.getIn(["data", "body"])), getAsset) } }),
    ),
  );
}
