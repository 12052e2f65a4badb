import { renderToString } from "preact-render-to-string";
import { describe, expect, it } from "vitest";
import { contentDir } from "../../test/widgets/helpers.ts";
import { loadLinks } from "./data.ts";
import { Links } from "./Links.tsx";

describe("links.yaml", () => {
  it("ships VUSTA and the provincial portal as full https addresses", async () => {
    const { links, issues } = await loadLinks("content");
    expect(issues).toEqual([]);
    const urls = links.map((l) => l.url);
    expect(urls).toContain("https://vusta.vn");
    expect(urls).toContain("https://www.quangngai.gov.vn");
    for (const link of links) {
      expect(link.url).toMatch(/^https:\/\//);
      expect(link.external).toBe(true);
      expect(link.title).toBe(link.title.normalize("NFC"));
    }
  });

  it.each([
    ["- title: A\n  url: javascript:alert(1)\n", 2, "0.url", "không phải một địa chỉ web"],
    ["- title: A\n  url: vusta.vn\n", 2, "0.url", "viết đầy đủ"],
    ["- title: A\n", 1, "0.url", "còn thiếu"],
    ["- title: A\n  url: /gioi-thieu/\n  target: _blank\n", 3, "0", "trường lạ: target — xóa hoặc sửa tên cho đúng; các trường hợp lệ: title, url"],
    ["- title: A\n  url: //evil.example/\n", 2, "0.url", "không phải // hay /\\"],
  ])("reports %j at line %i", async (yaml, line, field, message) => {
    const { issues } = await loadLinks(await contentDir({ "links.yaml": yaml }));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ line, field, severity: "error" });
    expect(issues[0]!.message).toContain(message);
  });
});

describe("the links box", () => {
  it("is a plain list; external links are marked for eyes and screen readers, with rel=noopener", async () => {
    const { links } = await loadLinks(
      await contentDir({ "links.yaml": "- title: VUSTA\n  url: https://vusta.vn\n- title: Giới thiệu\n  url: /gioi-thieu/\n" }),
    );
    const html = renderToString(<Links links={links} />);
    expect(html).not.toMatch(/<select|<option|style=|<script/);
    expect(html).toContain(
      '<a class="external" href="https://vusta.vn" rel="noopener">VUSTA<span class="visually-hidden"> (trang bên ngoài)</span><svg class="external-icon"',
    );
    expect(html).toContain('<li><a href="/gioi-thieu/">Giới thiệu</a></li>');
    expect(html.match(/<li>/g)).toHaveLength(2);
    expect(html.match(/rel="noopener"/g)).toHaveLength(1);
  });
});
