import type { WidgetDefinition } from "../widget.ts";
import { Announcements } from "./Announcements.tsx";
import { loadAnnouncements, type AnnouncementsData } from "./data.ts";

export const announcements: WidgetDefinition<"announcements", AnnouncementsData> = {
  name: "announcements",
  load: ({ articles, config, now }) => ({ data: loadAnnouncements(articles, config.announcements.limit, now), issues: [] }),
  Component: Announcements,
};
