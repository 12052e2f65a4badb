import { DateTime } from "luxon";
import { loadSite } from "../../scripts/build/content/load-site.ts";
import { ZONE } from "../../scripts/build/model/dates.ts";
import type { SiteModel } from "../../scripts/build/model/types.ts";
import { article, makeContent } from "../support/content.ts";

/** The build time the publishing tests pretend it is. */
export const NOW = DateTime.fromISO("2024-05-11T12:00:00", { zone: ZONE });

/**
 * A small real model (loaded and validated like the site), in preview so that
 * drafts and future articles are present and the publishing code must drop them.
 */
export async function publishingModel(): Promise<SiteModel> {
  const dir = await makeContent({
    "trang/gioi-thieu.md": "---\ntitle: Giới thiệu\n---\n\nLiên hiệp Hội.\n",
    "tin-tuc/2020/trien-khai.md": article(
      {
        title: "Triển khai nhiệm vụ năm 2020",
        date: "2020-02-29T15:41:14+07:00",
        category: "lien-hiep-hoi",
        author: "BH",
        tags: "[hội nghị, ban chấp hành]",
        legacy_url: "/i1644-hoi-nghi-ban-chap-hanh.aspx",
      },
      "Xem [giới thiệu](/gioi-thieu/) và [bài khác](../khac/).\n",
    ),
    "tin-tuc/2024/nua-dem.md": article(
      { title: "Hội thảo <script> & “khoa học” </script>", date: "2024-05-10T00:30:00+07:00", category: "hoi-thanh-vien" },
      "Bài đăng lúc nửa đêm.\n",
    ),
    "tin-tuc/2024/ngay-mai.md": article({ title: "Bài hẹn giờ", date: "2024-05-12T08:00:00+07:00", category: "lien-hiep-hoi" }),
    "tin-tuc/2024/nhap.md": article({ title: "Bản nháp", date: "2024-05-11T08:00:00+07:00", category: "lien-hiep-hoi", draft: "true" }),
  });
  const { model, issues } = await loadSite({ contentDir: dir, preview: true, now: NOW });
  if (!model) throw new Error(issues.map((i) => i.message).join("\n"));
  return { ...model, site: { ...model.site, url: "https://lhh.example.org" } };
}
