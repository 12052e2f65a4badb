import { h } from "preact";
import { renderToString } from "preact-render-to-string";
import { describe, expect, it } from "vitest";
import { renderIndexHtml } from "../../scripts/build/search/index-html.ts";
import { SearchPage } from "../../layouts/search-page.tsx";
import { toIndexText } from "../../scripts/build/search/vietnamese.ts";

describe("the HTML handed to Pagefind", () => {
  const article = {
    url: "/tin-tuc/2020/02/trien-khai/",
    title: "Triển khai nhiệm vụ <năm> 2020",
    html: "<p>Đặng Ngọc Dũng phát biểu.</p>",
    dateIso: "2020-02-29T08:41:14Z",
    category: "Liên hiệp Hội",
    summary: "Tóm tắt riêng, không có trong bài.",
  };

  it("carries the category filter, Vietnam-time date and sort key, and the escaped title as h1", () => {
    const html = renderIndexHtml(article, toIndexText);
    expect(html).toContain('<meta data-pagefind-filter="category[content]" content="Liên hiệp Hội">');
    // Display-only values are filters, never meta: Pagefind 1.6 searches every meta field.
    expect(html).toContain('<meta data-pagefind-filter="muc[content]" content="Liên hiệp Hội">');
    expect(html).toContain('<meta data-pagefind-filter="ngay[content]" content="2020-02-29T15:41:14+07:00">');
    expect(html.match(/data-pagefind-meta/g)).toEqual(["data-pagefind-meta"]);
    expect(html).not.toContain("data-pagefind-sort");
    expect(html).toContain('<h1 data-pagefind-meta="title">Triển khai nhiệm vụ &lt;năm&gt; 2020</h1>');
    expect(html).toContain("<p>Tóm tắt riêng, không có trong bài.</p>");
    expect(html).toContain("D\u0335ặng Ngọc Dũng");
  });

  it("files the numbers and upper-case Roman numerals of a title under a filter", () => {
    const html = renderIndexHtml({ ...article, title: "Đại hội lần thứ VI, nhiệm kỳ 2020–2025: Vi sinh và 11 giải" }, toIndexText);
    const values = [...html.matchAll(/data-pagefind-filter="so\[content\]" content="([^"]+)"/g)].map((m) => m[1]);
    expect(values).toEqual(["vi", "2020", "2025", "11"]);
  });

  it("does not repeat a summary the body already contains, and gives an undated page no date", () => {
    const html = renderIndexHtml({ url: "/gioi-thieu/", title: "Giới thiệu", html: "<p>Xin chào.</p>", summary: "Xin chào." }, (t) => t);
    expect(html.match(/Xin chào\./g)).toHaveLength(1);
    expect(html).not.toContain("data-pagefind-filter");
  });

  it("names the document when its date is not ISO 8601", () => {
    expect(() => renderIndexHtml({ ...article, dateIso: "29/02/2020" }, toIndexText)).toThrow(
      '/tin-tuc/2020/02/trien-khai/: dateIso "29/02/2020" is not an ISO 8601 date',
    );
  });
});

describe("search markup", () => {
  it("has no inline styles or scripts (CSP), labels every control, and hides the form until JS runs", () => {
    const html = renderToString(h(SearchPage, { categories: [{ name: "Tin hoạt động", level: 0 }, { name: "Liên hiệp Hội", level: 1 }] }));
    expect(html).toContain('<option value="Liên hiệp Hội">— Liên hiệp Hội</option>');
    expect(html).not.toMatch(/\sstyle=|<script/);
    const ids = [...html.matchAll(/<(?:input|select) id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(["search-q", "search-category", "search-sort"]);
    for (const id of ids) expect(html).toContain(`<label for="${id}"`);
    expect(html).toMatch(/<form[^>]* action="\/tim-kiem\/" method="get"[^>]* hidden/);
  });
});
