import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatVnuMessages, validateHtml } from "../../scripts/tools/quality/vnu.ts";
import { goodPage, writeTmpSite } from "./tmp-site.ts";

describe("Nu Html Checker gate", () => {
  let site: Awaited<ReturnType<typeof writeTmpSite>>;
  beforeAll(async () => {
    site = await writeTmpSite({
      "good/index.html": goodPage("Trang hợp lệ", "<p>Nội dung <strong>đúng</strong>.</p>"),
      "good/site.css": "p { color: #000 }",
      "bad/index.html": goodPage("Trang lỗi", '<p>Đoạn\n<div>khối trong đoạn</div></p>\n<img src="/a.png">'),
    });
  });
  afterAll(() => site.remove());

  it("passes a valid page with zero errors (and skips non-HTML files)", async () => {
    const { errors } = await validateHtml([`${site.root}/good`]);
    expect(errors).toEqual([]);
  });

  it("reports each error with its file and line", async () => {
    const { errors } = await validateHtml([`${site.root}/bad`]);
    const text = formatVnuMessages(errors, site.root);
    expect(text).toMatch(/^bad\/index\.html:16:\d+: No “p” element in scope but a “p” end tag seen\./m);
    expect(text).toMatch(/^bad\/index\.html:17:\d+: An “img” element must have an “alt” attribute/m);
    expect(errors).toHaveLength(2);
  });
});
