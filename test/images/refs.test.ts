import { rm } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { formatIssue } from "../../scripts/build/content/issues.ts";
import { loadSite } from "../../scripts/build/content/load-site.ts";
import { checkImages } from "../../scripts/build/images/check.ts";
import { imageRefs } from "../../scripts/build/images/refs.ts";
import { syntheticPhoto } from "../../scripts/tools/fixtures/synthetic-photo.ts";
import { article, makeContent } from "../support/content.ts";

describe("imageRefs on a loaded site", () => {
  it("finds covers and body images with their lines and alt text, ready for checkImages", async () => {
    const photo = await syntheticPhoto({ width: 800, height: 600 });
    const body = "Mở đầu.\n\n![Quang cảnh hội nghị](../../media/2020/a.jpg \"Chú thích\")\n\nGiữa.\n\n![](../../media/2020/b.jpg)\n";
    const dir = await makeContent({
      "media/2020/a.jpg": photo,
      "media/2020/b.jpg": "không phải ảnh",
      "tin-tuc/2020/hoi-nghi.md": article(
        { title: "Hội nghị", date: "2020-02-29T15:41:14+07:00", category: "lien-hiep-hoi", image: "../../media/2020/a.jpg", image_alt: "Ảnh bìa" },
        body,
      ),
    });
    try {
      const { model, issues } = await loadSite({ contentDir: dir, preview: true });
      expect(issues.filter((i) => i.severity === "error")).toEqual([]);
      const file = model!.articles[0]!.file;
      const refs = imageRefs(model!);
      expect(refs).toEqual([
        { file, line: 5, field: "image", src: "/media/2020/a.jpg", cover: true },
        { file, line: 11, field: "image", src: "/media/2020/a.jpg", alt: "Quang cảnh hội nghị" },
        { file, line: 15, field: "image", src: "/media/2020/b.jpg", alt: "" },
      ]);
      const found = (await checkImages(refs, dir)).map(formatIssue);
      expect(found).toHaveLength(2);
      expect(found[0]).toMatch(/:15: image: ảnh \/media\/2020\/b\.jpg chưa có mô tả — /);
      expect(found[1]).toMatch(/:15: image: .*b\.jpg không phải ảnh hoặc đã hỏng — /);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
