import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../../scripts/build/render/markdown.ts";

const problems = (body: string) => renderMarkdown(body, { bodyLine: 10, resolveUrl: (t) => t }).problems;
const nested = (levels: number) => Array.from({ length: levels }, (_, i) => `${"  ".repeat(i)}- mục ${i}`).join("\n") + "\n";

describe("body problems found while parsing", () => {
  it("reports lists nested past markdown-it's maxNesting, where their text starts to disappear, and not before", () => {
    expect(problems(nested(49))).toEqual([]);
    expect(renderMarkdown(nested(49), { bodyLine: 1, resolveUrl: (t) => t }).html).toContain("mục 48");
    const deep = renderMarkdown(nested(50), { bodyLine: 10, resolveUrl: (t) => t });
    expect(deep.html).not.toContain("mục 49");
    expect(deep.problems).toEqual([expect.objectContaining({ line: 10 + 49, field: "markdown", severity: "error" })]);
  });

  it("reports a video block without its closing ::: and a video id that is not YouTube's", () => {
    expect(problems("Mở đầu.\n\n::: video https://youtu.be/dQw4w9WgXcQ\nChú thích\n\nĐoạn sau.\n")).toEqual([
      expect.objectContaining({ line: 12, field: "video", message: expect.stringMatching(/chưa được đóng/) }),
    ]);
    expect(problems("::: video https://example.org/v.mp4\nChú thích\n:::\n")).toEqual([
      expect.objectContaining({ line: 10, field: "video", message: expect.stringMatching(/không phải địa chỉ hay mã video YouTube/) }),
    ]);
    expect(problems("::: video\nChưa có video\n:::\n\n::: video dQw4w9WgXcQ\nCó\n:::\n")).toEqual([]);
  });

  it("reports image and link syntax left as raw text at its own line: an image is an error, a link a warning", () => {
    expect(problems("Dòng một\ndòng hai ![Ảnh](../anh đẹp.jpg) và [trang](/gioi thieu/).\n")).toEqual([
      expect.objectContaining({ line: 11, field: "image", severity: "error", message: expect.stringMatching(/đổi tên tệp thành `anh-dep\.jpg`/) }),
      expect.objectContaining({ line: 11, field: "link", severity: "warning" }),
    ]);
    expect(problems("Xem [1] và [chú thích] (trang 2). ![Ảnh](../anh.jpg)\n")).toEqual([]);
  });

  it("places each reference of a paragraph at its own line", () => {
    const refs = renderMarkdown("[a](/a/)\ndòng hai [b](/b/)\ndòng ba ![c](/c.jpg)\n", { bodyLine: 10, resolveUrl: (t) => t }).references;
    expect(refs.map((r) => [r.target, r.line])).toEqual([["/a/", 10], ["/b/", 11], ["/c.jpg", 12]]);
  });
});
