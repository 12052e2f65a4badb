import { renderToString } from "preact-render-to-string";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import type { Article, SiteModel } from "../../scripts/build/model/types.ts";
import { HeadMeta } from "../../layouts/head-meta.tsx";
import { articleMeta, pageMeta } from "../../scripts/build/publish/metadata.ts";
import { renderDefaultOgImage } from "../../scripts/build/publish/og-image.ts";
import { publishingModel } from "./site-model.ts";

let model: SiteModel;
let tricky: Article;
let plain: Article;
beforeAll(async () => {
  model = await publishingModel();
  tricky = model.articles.find((a) => a.title.startsWith("Hội thảo"))!;
  plain = model.articles.find((a) => a.title.startsWith("Triển khai"))!;
});

const site = () => ({ name: model.site.name, url: model.site.url });

/** The JSON-LD objects of rendered head HTML, read back as JSON. */
function jsonLd(html: string): any[] {
  return [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/g)].map((m) => JSON.parse(m[1]!));
}

describe("head metadata", () => {
  it("renders Open Graph and Twitter tags with the default share image when there is no cover", () => {
    const html = renderToString(<HeadMeta meta={articleMeta(site(), plain)} siteName={model.site.name} />);
    expect(html).toContain('<meta property="og:type" content="article"/>');
    expect(html).toContain('<meta property="og:url" content="https://lhh.example.org/tin-tuc/2020/02/trien-khai/"/>');
    expect(html).toContain('<meta property="og:image" content="https://lhh.example.org/og-default.png"/>');
    expect(html).toContain('<meta property="og:image:width" content="1200"/>');
    expect(html).toContain('<meta property="article:published_time" content="2020-02-29T15:41:14+07:00"/>');
    expect(html).toContain('<meta property="article:tag" content="hội nghị"/>');
    expect(html).toContain('<meta name="twitter:card" content="summary_large_image"/>');
  });

  it("uses the images pipeline's share crop of the cover", () => {
    const withCover = { ...plain, image: "/media/2020/anh.jpg", imageAlt: "Quang cảnh" };
    const meta = articleMeta(site(), withCover, (src) => src.replace(".jpg", ".og.1a2b3c.jpg"));
    expect(meta.image).toEqual({ url: "https://lhh.example.org/media/2020/anh.og.1a2b3c.jpg", alt: "Quang cảnh", width: 1200, height: 630 });
    expect(renderToString(<HeadMeta meta={meta} siteName="x" />)).toContain('<meta property="og:image:width" content="1200"/>');
    expect((jsonLd(renderToString(<HeadMeta meta={meta} siteName="x" />))[0] as any).image).toEqual([meta.image.url]);
  });

  it("describes the article as NewsArticle and its breadcrumb as BreadcrumbList", () => {
    const [news, crumbs] = jsonLd(renderToString(<HeadMeta meta={articleMeta(site(), plain)} siteName={model.site.name} />));
    expect(news).toMatchObject({
      "@type": "NewsArticle",
      headline: "Triển khai nhiệm vụ năm 2020",
      datePublished: "2020-02-29T15:41:14+07:00",
      dateModified: "2020-02-29T15:41:14+07:00",
      author: { "@type": "Person", name: "BH" },
      publisher: { "@type": "Organization", name: model.site.name },
      inLanguage: "vi",
    });
    expect(crumbs["@type"]).toBe("BreadcrumbList");
    expect(crumbs.itemListElement.map((i: any) => [i.position, i.name])).toEqual([
      [1, "Trang chủ"],
      [2, "Tin hoạt động"],
      [3, "Liên hiệp Hội"],
      [4, "Triển khai nhiệm vụ năm 2020"],
    ]);
    expect(crumbs.itemListElement[2].item).toBe("https://lhh.example.org/chuyen-muc/lien-hiep-hoi/");
  });

  it("cannot be broken out of by a title containing </script>", () => {
    const html = renderToString(<HeadMeta meta={articleMeta(site(), tricky)} siteName={model.site.name} />);
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    expect(html).toContain("\\u003c/script>");
    // Organisation as author when the article names none; the title survives intact.
    expect(jsonLd(html)[0]).toMatchObject({ headline: tricky.title, author: { "@type": "Organization" } });
  });

  it("describes other pages as websites", () => {
    const meta = pageMeta(site(), { title: "Giới thiệu", description: "Về Liên hiệp Hội", url: "/gioi-thieu/" });
    expect(meta).toMatchObject({ type: "website", canonical: "https://lhh.example.org/gioi-thieu/", jsonLd: [] });
  });

  it("draws a 1200×630 default share image", async () => {
    const png = await renderDefaultOgImage(model.site.name);
    expect(await sharp(png).metadata()).toMatchObject({ format: "png", width: 1200, height: 630 });
  });
});
