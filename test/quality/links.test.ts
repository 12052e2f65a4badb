import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkLinks, formatBrokenLinks } from "../../scripts/tools/quality/links.ts";
import { BASE_CSS, GOOD_CSS, goodPage, writeTmpSite } from "./tmp-site.ts";

describe("link checker", () => {
  let site: Awaited<ReturnType<typeof writeTmpSite>>;
  beforeAll(async () => {
    site = await writeTmpSite({
      "index.html": goodPage(
        "Trang chủ",
        `<p><a href="/tin-tuc/bai-viet/#phan-2">Phần 2</a> <a href="tin-tuc/bai-viet">không có gạch chéo</a>
<a href="https://example.org/khong-kiem-tra">ngoài</a> <a href="mailto:a@example.org">thư</a>
<a href="/tim-kiem/?q=hoi+nghi">tìm</a> <a href="#main">đầu</a></p>
<picture><source srcset="/img/a-480.avif 480w, /img/a-960.avif 960w" type="image/avif">
<img src="/img/a-480.jpg" alt="Ảnh" width="480" height="320"></picture>`,
      ),
      "tin-tuc/bai-viet/index.html": goodPage(
        "Bài viết",
        `<h2 id="phan-2">Phần 2</h2><p><a href="../../">Về trang chủ</a> <a href="../../tim-kiem/">Tìm kiếm</a></p>`,
      ),
      "tim-kiem/index.html": goodPage("Tìm kiếm", "<p>Tìm</p>"),
      "css/site.css": GOOD_CSS,
      "css/base.css": BASE_CSS,
      "fonts/site.woff2": "font",
      "js/site.js": "",
      "img/a-480.avif": "x",
      "img/a-960.avif": "x",
      "img/a-480.jpg": "x",
      "broken/index.html": goodPage(
        "Hỏng",
        `<p><a href="/khong-ton-tai/">mất trang</a> <a href="/tin-tuc/bai-viet/#khong-co">mất neo</a>
<a href="#cung-khong-co">mất neo cùng trang</a> <a href="javascript:alert(1)">js</a>
<a href="https://lhh.example.vn/mat/">tuyệt đối</a> <a href="../tin-tuc/bai-viet/">đúng tương đối</a></p>
<img srcset="/img/a-480.avif 480w, /img/mat-960.avif 960w" src="/img/a-480.jpg" alt="Ảnh" width="480" height="320">`,
      ),
      "css/broken.css": `.x { background: url(../img/mat.png); }`,
    });
  });
  afterAll(() => site.remove());

  it("reports exactly the broken links, images, fragments and CSS urls", async () => {
    const broken = await checkLinks(site.root, { siteOrigin: "https://lhh.example.vn" });
    expect(broken.map((b) => [b.page, b.ref, b.url])).toEqual([
      ["broken/index.html", "a[href]", "/khong-ton-tai/"],
      ["broken/index.html", "a[href]", "/tin-tuc/bai-viet/#khong-co"],
      ["broken/index.html", "a[href]", "#cung-khong-co"],
      ["broken/index.html", "a[href]", "javascript:alert(1)"],
      ["broken/index.html", "a[href]", "https://lhh.example.vn/mat/"],
      ["broken/index.html", "img[srcset]", "/img/mat-960.avif"],
      ["css/broken.css", "css url()", "../img/mat.png"],
    ]);
    expect(broken[1]?.reason).toBe('no element with id "khong-co" in tin-tuc/bai-viet/index.html');
    expect(broken[0]?.reason).toBe("no file in the output for /khong-ton-tai/");
  });

  it("reports a URL broken on many pages once, with a count", () => {
    const missing = { ref: "a[href]", url: "/feed.xml", reason: "no file in the output for /feed.xml" };
    const text = formatBrokenLinks([
      { page: "a/index.html", ...missing },
      { page: "b/index.html", ...missing },
      { page: "b/index.html", ref: "img[src]", url: "x.png", reason: "no file in the output for /b/x.png" },
    ]);
    expect(text).toBe(
      'a/index.html: a[href] "/feed.xml": no file in the output for /feed.xml (and on 1 more)\n' +
        'b/index.html: img[src] "x.png": no file in the output for /b/x.png',
    );
  });

  it("ignores absolute links to other origins unless they are the site's own", async () => {
    const broken = await checkLinks(site.root);
    expect(broken.map((b) => b.url)).not.toContain("https://lhh.example.vn/mat/");
    expect(broken).toHaveLength(6);
  });
});
