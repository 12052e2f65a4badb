import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../../scripts/build/render/markdown.ts";

const render = (md: string) => renderMarkdown(md, { bodyLine: 10, resolveUrl: (t) => t.replace(/^(\.\.\/)+media\//, "/media/") });

describe("renderMarkdown", () => {
  it("does not render raw HTML", () => {
    const { html } = render('Chữ <script>alert(1)</script> và <iframe src="https://x"></iframe>');
    expect(html).not.toMatch(/<script|<iframe/);
    expect(html).toContain("&lt;script&gt;");
  });
  it("drops javascript: links", () => {
    const { html } = render("[bấm](javascript:alert(1)) [vb](vbscript:x)");
    expect(html).not.toMatch(/href="(javascript|vbscript):/i);
  });
  it("turns an image alone on a line into a figure with its caption", () => {
    const { html, references } = render('![Quang cảnh](../../media/a.jpg "Quang cảnh Hội nghị")');
    expect(html).toContain('<figure><img src="/media/a.jpg" alt="Quang cảnh"><figcaption>Quang cảnh Hội nghị</figcaption></figure>');
    expect(references).toEqual([{ kind: "image", target: "../../media/a.jpg", line: 10 }]);
  });
  it("keeps inline images inline", () => {
    expect(render("chữ ![a](x.png) chữ").html).toMatch(/<p>chữ <img/);
  });
  it("renders a click-to-load youtube-nocookie video with its title as text", () => {
    const { html } = render("::: video https://www.youtube.com/watch?v=dQw4w9WgXcQ\nVideo hoạt động\n:::");
    expect(html).toContain('href="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"');
    expect(html).toContain("Xem video: Video hoạt động");
    expect(html).not.toContain("<iframe");
    expect(html).not.toMatch(/ytimg|youtube\.com\//);
  });
  it("shows only the caption for a video without a known id", () => {
    const { html } = render("::: video\nVideo 05 Sự kiện\n:::");
    expect(html).toContain("video-missing");
    expect(html).toContain("<figcaption>Video 05 Sự kiện</figcaption>");
    expect(html).not.toContain("href=");
  });
  it("gives headings ASCII ids", () => {
    expect(render("## Phương hướng năm 2020").html).toContain('<h2 id="phuong-huong-nam-2020">');
  });
  it("finds the first paragraph for summaries", () => {
    expect(render("![a](b.jpg)\n\nĐoạn **đầu** tiên.\n\nĐoạn hai.").firstParagraph).toBe("Đoạn đầu tiên.");
  });
});
