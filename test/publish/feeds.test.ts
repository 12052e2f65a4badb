import { XMLParser, XMLValidator } from "fast-xml-parser";
import { beforeAll, describe, expect, it } from "vitest";
import type { SiteModel } from "../../scripts/build/model/types.ts";
import { categoryFeed, newsSitemap, robots, siteFeed, sitemap } from "../../scripts/build/publish/site-files.ts";
import { NOW, publishingModel } from "./site-model.ts";

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", isArray: (name) => ["entry", "url", "link"].includes(name) });

function parseXml(text: string): any {
  expect(XMLValidator.validate(text)).toBe(true);
  return parser.parse(text);
}

const OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/;

let model: SiteModel;
beforeAll(async () => {
  model = await publishingModel();
});

describe("Atom feeds", () => {
  it("lists public articles, newest first, with full content and +07:00 dates", async () => {
    const { feed } = parseXml(await siteFeed(model, NOW));
    expect(feed["@xmlns"]).toBe("http://www.w3.org/2005/Atom");
    expect(feed["@xml:lang"]).toBe("vi");
    // One title pattern for every feed: "<what> – <short name>".
    expect(feed.title).toBe("Tin mới – Liên hiệp Hội Quảng Ngãi");
    expect(feed.link.find((l: any) => l["@rel"] === "self")["@href"]).toBe("https://lhh.example.org/feed.xml");
    expect(feed.updated).toBe("2024-05-10T00:30:00+07:00");
    const titles = feed.entry.map((e: any) => e.title);
    expect(titles).toEqual(["Hội thảo <script> & “khoa học” </script>", "Triển khai nhiệm vụ năm 2020"]);
    for (const e of feed.entry) {
      expect(e.published).toMatch(OFFSET);
      expect(e.updated).toMatch(OFFSET);
      expect(e.id).toMatch(/^https:\/\/lhh\.example\.org\/tin-tuc\//);
    }
    const first = feed.entry[1];
    expect(first.author.name).toBe("BH");
    expect(first.category["@label"]).toBe("Liên hiệp Hội");
    // Links in the body work in a feed reader: absolute, none left site-relative.
    expect(first.content["#text"]).toContain('href="https://lhh.example.org/gioi-thieu/"');
    expect(first.content["#text"]).toContain('href="https://lhh.example.org/tin-tuc/khac"');
    expect(first.content["#text"]).not.toMatch(/(href|src)="\//);
  });

  it("has one feed per category, including its sub-categories' articles", async () => {
    const parent = model.categoryByKey.get("tin-hoat-dong")!;
    const { feed } = parseXml(await categoryFeed(model, parent, NOW));
    expect(feed.title).toBe("Tin hoạt động – Liên hiệp Hội Quảng Ngãi");
    expect(feed.link.find((l: any) => l["@rel"] === "self")["@href"]).toBe("https://lhh.example.org/chuyen-muc/tin-hoat-dong/feed.xml");
    expect(feed.entry).toHaveLength(2);
    const child = model.categoryByKey.get("hoi-thanh-vien")!;
    expect(parseXml(await categoryFeed(model, child, NOW)).feed.entry).toHaveLength(1);
  });

  it("stays valid with no entries", async () => {
    const empty = model.categoryByKey.get("thong-bao")!;
    const { feed } = parseXml(await categoryFeed(model, empty, NOW));
    expect(feed.entry).toBeUndefined();
    expect(feed.updated).toBe("2024-05-11T12:00:00+07:00");
  });
});

describe("sitemaps and robots.txt", () => {
  it("sitemap.xml lists home, pages, listings and public articles", () => {
    const { urlset } = parseXml(sitemap(model));
    const locs = urlset.url.map((u: any) => u.loc);
    expect(locs).toContain("https://lhh.example.org/");
    expect(locs).toContain("https://lhh.example.org/gioi-thieu/");
    expect(locs).toContain("https://lhh.example.org/chuyen-muc/lien-hiep-hoi/");
    const articles = urlset.url.filter((u: any) => u.loc.includes("/tin-tuc/"));
    expect(articles.map((u: any) => u.lastmod)).toEqual(["2024-05-10T00:30:00+07:00", "2020-02-29T15:41:14+07:00"]);
  });

  it("the news sitemap holds only the last 48 hours", () => {
    const { urlset } = parseXml(newsSitemap(model, NOW));
    expect(urlset["@xmlns:news"]).toBe("http://www.google.com/schemas/sitemap-news/0.9");
    expect(urlset.url).toHaveLength(1);
    const news = urlset.url[0]["news:news"];
    expect(news["news:publication"]["news:language"]).toBe("vi");
    expect(news["news:publication"]["news:name"]).toBe("Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Quảng Ngãi");
    expect(news["news:publication_date"]).toBe("2024-05-10T00:30:00+07:00");
    expect(parseXml(newsSitemap(model, NOW.plus({ days: 2 }))).urlset.url).toBeUndefined();
  });

  it("robots.txt names both sitemaps and keeps crawlers out of the CMS", () => {
    const text = robots(model);
    expect(text).toContain("Sitemap: https://lhh.example.org/sitemap.xml\n");
    expect(text).toContain("Sitemap: https://lhh.example.org/sitemap-news.xml\n");
    expect(text).toMatch(/^User-agent: \*\nDisallow: \/admin\/\n/);
  });
});
