import { describe, expect, it } from "vitest";
import { renderAtWrite } from "../../scripts/build/render/render-at-write.ts";

describe("pages rendered at write time", () => {
  it("renders a page only when its transform runs, once, and forgets it then", async () => {
    const pages = renderAtWrite();
    const rendered: string[] = [];
    const page = (name: string) => () => (rendered.push(name), `<p>${name}</p>`);
    expect(pages.defer("_site/a/index.html", page("a"))).toBe("");
    expect(pages.defer("_site/b/index.html", page("b"))).toBe("");
    expect(rendered).toEqual([]);

    expect(await pages.render("_site/b/index.html", "")).toBe("<p>b</p>");
    expect(rendered).toEqual(["b"]);
    expect(await pages.render("_site/a/index.html", "")).toBe("<p>a</p>");
    // A second transform run on the same path has nothing filed: the content passes through.
    expect(await pages.render("_site/a/index.html", "as written")).toBe("as written");
    expect(rendered).toEqual(["b", "a"]);
  });

  it("renders at once a page that is not written (no output path), and passes through what it did not file", async () => {
    const pages = renderAtWrite();
    expect(pages.defer(false, () => "<p>now</p>")).toBe("<p>now</p>");
    expect(await pages.render(false, "content")).toBe("content");
    expect(await pages.render("_site/other.html", "other")).toBe("other");
  });

  it("waits for a render that answers a promise", async () => {
    const pages = renderAtWrite();
    pages.defer("_site/feed.xml", async () => "<rss/>");
    expect(await pages.render("_site/feed.xml", "")).toBe("<rss/>");
  });
});
