import { DateTime } from "luxon";
import { beforeAll, describe, expect, it } from "vitest";
import { ZONE } from "../../scripts/build/model/dates.ts";
import { loadSidebarData, renderSidebar } from "../../widgets/sidebar.tsx";
import { article, category, contentDir, SIDEBAR_FIXTURE } from "./helpers.ts";

const NOW = DateTime.fromISO("2024-05-20T09:00", { zone: ZONE });
const notices = [article("Fresh notice", NOW.minus({ days: 1 }), category("thong-bao"))];
const sections = (html: string) => [...html.matchAll(/<section class="widget widget-([a-z-]+)"/g)].map((m) => m[1]);

describe("the sidebar with every box", () => {
  let full: string;
  beforeAll(async () => {
    full = await contentDir(SIDEBAR_FIXTURE);
  });

  it("loads without issues and renders the five boxes of the old site, in order, inside <aside>", async () => {
    const { data, issues } = await loadSidebarData(full, notices, { now: NOW });
    expect(issues).toEqual([]);
    const html = renderSidebar(data);
    expect(html).toMatch(/^<aside class="sidebar" aria-label="Thông tin thêm" data-pagefind-ignore="all">/);
    expect(html).toMatch(/<\/aside>$/);
    expect(sections(html)).toEqual(["announcements", "video-box", "links", "quotes", "counter"]);
    expect([...html.matchAll(/<h2 class="widget-title" id="([^"]+)">([^<]+)</g)].map((m) => m[2])).toEqual([
      "Thông báo",
      "Video nhúng",
      "Liên kết web",
      "Danh ngôn khoa học",
      "Thống kê truy cập",
    ]);
    expect(html).toBe(html.normalize("NFC"));
    expect(html).toContain("Fresh notice");
  });

  it("has no inline script, inline style or javascript: URL (CSP)", async () => {
    const html = renderSidebar((await loadSidebarData(full, notices, { now: NOW })).data);
    expect(html).not.toMatch(/<script|style=|javascript:|<img|<iframe/i);
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("is the same HTML for two builds on the same day", async () => {
    const first = renderSidebar((await loadSidebarData(full, notices, { now: NOW })).data);
    const second = renderSidebar((await loadSidebarData(full, notices, { now: NOW.plus({ hours: 5 }) })).data);
    expect(second).toBe(first);
  });
});

describe("sidebar.yaml", () => {
  it("chooses which boxes show and in what order", async () => {
    const dir = await contentDir({
      "sidebar.yaml": "widgets:\n  - counter\n  - announcements\nannouncements:\n  limit: 1\n",
      "counter.yaml": "base_total: 10\n",
    });
    const { data, issues } = await loadSidebarData(dir, notices, { now: NOW });
    expect(issues).toEqual([]);
    expect(sections(renderSidebar(data))).toEqual(["counter", "announcements"]);
  });

  it("leaves out boxes with nothing to show", async () => {
    const dir = await contentDir({
      "sidebar.yaml": "widgets: [video, links, quotes, announcements]\n",
      "links.yaml": "[]\n",
      "quotes.yaml": "[]\n",
      "videos.yaml": "[]\n",
    });
    const { data, issues } = await loadSidebarData(dir, [], { now: NOW });
    expect(issues).toEqual([]);
    expect(sections(renderSidebar(data))).toEqual(["announcements"]);
  });

  it.each([
    ["widgets:\n  - announcements\n  - weather\n", 3, "widgets.1", '"weather" không phải tên một ô'],
    ["widgets:\n  - quotes\n  - quotes\n", 3, "widgets.1", "có hai lần"],
    ["widgets: [quotes]\nannouncements:\n  limit: 50\n", 3, "announcements.limit", "tối đa 20"],
    ["widget: [quotes]\n", 1, "(file)", "trường lạ: widget — xóa hoặc sửa tên cho đúng; các trường hợp lệ: widgets, announcements"],
  ])("reports %j at line %i", async (yaml, line, field, message) => {
    const { issues } = await loadSidebarData(await contentDir({ "sidebar.yaml": yaml, "quotes.yaml": "[]\n" }), [], { now: NOW });
    const issue = issues.find((i) => i.message.includes(message));
    expect(issue).toMatchObject({ line, field, severity: "error" });
    expect(issue!.file).toMatch(/_data\/sidebar\.yaml$/);
  });

  it("without it, shows every box that has its data file (a bare content tree still builds)", async () => {
    const bare = await loadSidebarData(await contentDir({}), notices, { now: NOW });
    expect(bare.issues).toEqual([]);
    expect(sections(renderSidebar(bare.data))).toEqual(["announcements"]);
    const some = await loadSidebarData(await contentDir({ "counter.yaml": "base_total: 5\n", "links.yaml": "- title: A\n  url: /a/\n" }), notices, { now: NOW });
    expect(some.issues).toEqual([]);
    expect(sections(renderSidebar(some.data))).toEqual(["announcements", "links", "counter"]);
  });

  it("reports a box it lists whose data file is missing", async () => {
    const { issues } = await loadSidebarData(await contentDir({ "sidebar.yaml": "widgets: [announcements, counter]\n" }), [], { now: NOW });
    expect(issues).toHaveLength(1);
    expect(issues[0]!.file).toMatch(/_data\/counter\.yaml$/);
    expect(issues[0]).toMatchObject({ line: 1, severity: "error" });
    expect(issues[0]!.message).toContain("bỏ `counter` khỏi sidebar.yaml");
  });
});
