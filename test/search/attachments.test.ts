import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { attachmentText, linkedFiles, withAttachmentText } from "../../scripts/build/search/attachments.ts";
import { renderIndexHtml } from "../../scripts/build/search/index-html.ts";
import { toIndexText } from "../../scripts/build/search/vietnamese.ts";
import { article, makeContent, runCli } from "../support/content.ts";
import { FIXTURE_MEDIA_DIR } from "./fixture/articles.ts";

const media = (name: string) => path.join(FIXTURE_MEDIA_DIR, name);

describe("attachment text for the search index", () => {
  it("extracts the text of a PDF and a DOCX, in NFC, and none from a scan", async () => {
    const pdf = await attachmentText(media("the-le-hoi-thi-sang-tao-lan-thu-13.pdf"));
    expect(pdf.ok && pdf.text).toContain("Ban giám khảo chấm điểm theo thang điểm 100");
    const docx = await attachmentText(media("mau-dang-ky-ngay-hoi-khoa-hoc.docx"));
    expect(docx.ok && docx.text).toContain("mô hình thu gom rác thải nhựa");
    expect(docx.ok && docx.text).toBe(docx.ok && docx.text.normalize("NFC"));
    expect(await attachmentText(media("cong-van-ban-chup.pdf"))).toEqual({ ok: true, text: "" });
  });

  it("reports a file it cannot parse instead of throwing", async () => {
    const dir = await makeContent({ "media/2024/hong.pdf": "không phải PDF" });
    const broken = await attachmentText(path.join(dir, "media/2024/hong.pdf"));
    expect(broken.ok).toBe(false);
  });

  it("finds the PDF and DOCX links of a body under content/media/, relative or absolute, once each", () => {
    const doc = {
      sourcePath: "/site/content/tin-tuc/2024/bai.md",
      references: [
        { kind: "link" as const, target: "../../media/2024/the-le.pdf", line: 8 },
        { kind: "link" as const, target: "/media/2024/mau%20don.docx", line: 9 },
        { kind: "link" as const, target: "../../media/2024/the-le.pdf#trang-2", line: 10 },
        { kind: "link" as const, target: "https://example.org/x.pdf", line: 11 },
        { kind: "link" as const, target: "../../media/2024/anh.jpg", line: 12 },
        { kind: "image" as const, target: "../../media/2024/so-do.pdf", line: 13 },
      ],
    };
    expect(linkedFiles(doc, "/site/content")).toEqual([
      { name: "the-le.pdf", path: "/site/content/media/2024/the-le.pdf", line: 8 },
      { name: "mau don.docx", path: "/site/content/media/2024/mau don.docx", line: 9 },
    ]);
  });

  it("indexes the text under a heading naming the file, after the body; a scan adds nothing", async () => {
    const [doc] = await withAttachmentText([
      {
        url: "/tin-tuc/2024/06/phat-dong/",
        title: "Phát động Hội thi",
        html: "<p>Xem thể lệ.</p>",
        attachments: [
          { name: "the-le.pdf", path: media("the-le-hoi-thi-sang-tao-lan-thu-13.pdf") },
          { name: "scan.pdf", path: media("cong-van-ban-chup.pdf") },
        ],
      },
    ]);
    const html = renderIndexHtml(doc!, toIndexText);
    expect(html).toMatch(/<p>Xem thể lệ\.<\/p>\n<section><h2 id="tep-dinh-kem-1">Tệp d\u0335ính kèm: the-le\.pdf<\/h2><p>THỂ LỆ /);
    expect(html).not.toContain("scan.pdf");
  });

  it("warns in `npm run check` about a linked file without text, and still passes", async () => {
    const dir = await makeContent({
      "tin-tuc/2024/cong-van.md": article(
        { title: "Công văn cử cán bộ", date: "2024-09-09", category: "lien-hiep-hoi" },
        "Dòng một.\n\nXem [công văn](../../media/2024/cong-van.pdf) và [thể lệ](../../media/2024/the-le.pdf).\n",
      ),
      "media/2024/cong-van.pdf": await readFile(media("cong-van-ban-chup.pdf")),
      "media/2024/the-le.pdf": await readFile(media("the-le-hoi-thi-sang-tao-lan-thu-13.pdf")),
    });
    const result = runCli("check", { CONTENT_DIR: dir });
    expect(result.status).toBe(0);
    const warnings = result.stdout.split("\n").filter((line) => line.includes("tệp đính kèm"));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /tin-tuc\/2024\/cong-van\.md:9: cảnh báo: link: tệp đính kèm cong-van\.pdf không có chữ để tìm kiếm \(có lẽ là bản chụp\/scan\) — /,
    );
  });
});
