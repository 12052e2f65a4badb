import { DateTime } from "luxon";
import { renderToString } from "preact-render-to-string";
import { describe, expect, it } from "vitest";
import { formatDate, toIso, ZONE } from "../../scripts/build/model/dates.ts";
import { article, category } from "../../test/widgets/helpers.ts";
import { Announcements } from "./Announcements.tsx";
import { loadAnnouncements } from "./data.ts";

const at = (iso: string) => DateTime.fromISO(iso, { zone: ZONE });
const NOW = at("2024-05-20T09:00");

const thongBao = category("thong-bao");
const tuyenDung = category("tuyen-dung", thongBao);
const tinTuc = category("tin-hoat-dong");

const articles = [
  article("Old notice", at("2024-05-10T10:00"), thongBao),
  article("Job notice", at("2024-05-14T00:30"), tuyenDung),
  article("News item", at("2024-05-19T10:00"), tinTuc),
  article("Fresh notice", at("2024-05-19T08:00"), thongBao),
  article("Week-old notice", at("2024-05-13T09:30"), thongBao),
  article("Eight days old", at("2024-05-12T08:59"), thongBao),
];

describe("announcements", () => {
  it("lists the category and its sub-categories, newest first, up to the limit", () => {
    const data = loadAnnouncements(articles, 4, NOW);
    expect(data.items.map((i) => i.title)).toEqual(["Fresh notice", "Job notice", "Week-old notice", "Eight days old"]);
    expect(data.listUrl).toBe("/chuyen-muc/thong-bao/");
  });

  it("marks those of the last 7 days as new, with Vietnam-time dates", () => {
    const data = loadAnnouncements(articles, 10, NOW);
    expect(data.items.map((i) => [i.title, i.isNew, formatDate(i.date)])).toEqual([
      ["Fresh notice", true, "19/05/2024"],
      ["Job notice", true, "14/05/2024"], // 00:30 local time stays on the 14th
      ["Week-old notice", true, "13/05/2024"],
      ["Eight days old", false, "12/05/2024"],
      ["Old notice", false, "10/05/2024"],
    ]);
    expect(toIso(data.items[1]!.date)).toBe("2024-05-14T00:30:00+07:00");
  });

  it("does not call a notice dated after the build new", () => {
    const data = loadAnnouncements([article("Later", at("2024-05-21T08:00"), thongBao)], 5, NOW);
    expect(data.items[0]!.isNew).toBe(false);
  });

  it("renders links, dates and the 'Mới' badge, and a link to the full list", () => {
    const html = renderToString(<Announcements data={loadAnnouncements(articles, 2, NOW)} />);
    expect(html).toContain('<h2 class="widget-title" id="sidebar-thong-bao">Thông báo</h2>');
    expect(html).toContain('<a href="/tin-tuc/2024/05/fresh-notice/">Fresh notice</a> <span class="announcement-meta"><time datetime="2024-05-19T08:00:00+07:00">19/05/2024</time><strong class="badge-new">Mới</strong></span>');
    expect(html.match(/badge-new/g)).toHaveLength(2);
    expect(html).toContain('<a href="/chuyen-muc/thong-bao/">Xem tất cả thông báo</a>');
  });

  it("says so when there is none yet", () => {
    const html = renderToString(<Announcements data={loadAnnouncements([], 5, NOW)} />);
    expect(html).toContain("Chưa có thông báo.");
    expect(html).toContain('href="/chuyen-muc/thong-bao/"');
  });
});
