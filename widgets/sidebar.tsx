import { access } from "node:fs/promises";
import type { Store } from "@netlify/blobs";
import type { DateTime } from "luxon";
import { renderToString } from "preact-render-to-string";
import type { ContentIssue } from "../scripts/content/issues.ts";
import { nowInVietnam } from "../scripts/model/dates.ts";
import type { Article } from "../scripts/model/types.ts";
import { Announcements } from "./announcements/Announcements.tsx";
import { loadAnnouncements, type AnnouncementsData } from "./announcements/data.ts";
import { loadSidebarConfig, type WidgetName } from "./config.ts";
import { Counter } from "./counter/Counter.tsx";
import { loadCounter, type CounterData } from "./counter/data.ts";
import { Links } from "./links/Links.tsx";
import { loadLinks, type WebLink } from "./links/data.ts";
import { Quotes } from "./quotes/Quotes.tsx";
import { loadQuotes, type QuotesData } from "./quotes/data.ts";
import { VideoBox } from "./video/VideoBox.tsx";
import { dataFilePath } from "../scripts/content/data-files.ts";
import { loadVideos, type VideosData } from "./video/data.ts";

export type SidebarWidget =
  | { name: "announcements"; data: AnnouncementsData }
  | { name: "video"; data: VideosData }
  | { name: "links"; links: WebLink[] }
  | { name: "quotes"; data: QuotesData }
  | { name: "counter"; data: CounterData };

export interface SidebarData {
  /** The boxes to show, in sidebar.yaml's order; empty ones are left out. */
  widgets: SidebarWidget[];
  /** Every video, also for the /video/ page (VideoListPage). */
  videos: VideosData;
}

export interface SidebarOptions {
  /** Build time: decides "new" announcements, the no-JS quote and the counter's label. */
  now?: DateTime;
  /** Visit log to read the build-time count from (default: Netlify's, when the build has it). */
  counterStore?: Store;
}

const DATA_FILES: Partial<Record<WidgetName, string>> = {
  video: "videos.yaml",
  links: "links.yaml",
  quotes: "quotes.yaml",
  counter: "counter.yaml",
};

const exists = (path: string) => access(path).then(() => true, () => false);

function missingFile(contentDir: string, file: string, widget: WidgetName): ContentIssue {
  return {
    file: dataFilePath(contentDir, file).display,
    line: 1,
    field: "(file)",
    message: `không có tệp này — sidebar.yaml có ô \`${widget}\`; tạo tệp này hoặc bỏ \`${widget}\` khỏi sidebar.yaml`,
    severity: "error",
  };
}

/** Load everything the sidebar shows; every problem in content/_data comes back as an issue. */
export async function loadSidebarData(
  contentDir: string,
  articles: Article[],
  options: SidebarOptions = {},
): Promise<{ data: SidebarData; issues: ContentIssue[] }> {
  const now = options.now ?? nowInVietnam();
  const { config, explicit, issues } = await loadSidebarConfig(contentDir);
  const videos = await loadVideos(contentDir);
  issues.push(...videos.issues);
  const widgets: SidebarWidget[] = [];
  for (const name of config.widgets) {
    const file = DATA_FILES[name];
    if (file && !(await exists(dataFilePath(contentDir, file).path))) {
      // A box asked for by name needs its file; the default list just skips it.
      if (explicit) issues.push(missingFile(contentDir, file, name));
      continue;
    }
    if (name === "announcements") {
      widgets.push({ name, data: loadAnnouncements(articles, config.announcements.limit, now) });
    } else if (name === "video") {
      if (videos.data.videos.length > 0) widgets.push({ name, data: videos.data });
    } else if (name === "links") {
      const { links, issues: found } = await loadLinks(contentDir);
      issues.push(...found);
      if (links.length > 0) widgets.push({ name, links });
    } else if (name === "quotes") {
      const { data, issues: found } = await loadQuotes(contentDir, now);
      issues.push(...found);
      if (data.quotes.length > 0) widgets.push({ name, data });
    } else {
      const { data, issues: found } = await loadCounter(contentDir, { now, store: options.counterStore });
      issues.push(...found);
      if (data) widgets.push({ name, data });
    }
  }
  return { data: { widgets, videos: videos.data }, issues };
}

function Widget({ widget }: { widget: SidebarWidget }) {
  switch (widget.name) {
    case "announcements":
      return <Announcements data={widget.data} />;
    case "video":
      return <VideoBox data={widget.data} />;
    case "links":
      return <Links links={widget.links} />;
    case "quotes":
      return <Quotes data={widget.data} />;
    case "counter":
      return <Counter data={widget.data} />;
  }
}

export function Sidebar({ data }: { data: SidebarData }) {
  return (
    <aside class="sidebar" aria-label="Thông tin thêm" data-pagefind-ignore="all">
      {data.widgets.map((widget) => (
        <Widget widget={widget} />
      ))}
    </aside>
  );
}

/** The whole <aside>, as HTML: render it once per build and put it on every page. */
export function renderSidebar(data: SidebarData): string {
  return renderToString(<Sidebar data={data} />);
}
