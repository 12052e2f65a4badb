import { announcements } from "./announcements/widget.ts";
import { counter } from "./counter/widget.ts";
import { links } from "./links/widget.ts";
import { quotes } from "./quotes/widget.ts";
import { video } from "./video/widget.ts";

/**
 * Every sidebar box the site knows, in the default order (sidebar.yaml picks and orders them).
 * Adding a widget: its folder with a widget.ts, and one line here.
 */
export const WIDGETS = [announcements, video, links, quotes, counter] as const;

export type WidgetName = (typeof WIDGETS)[number]["name"];
export const WIDGET_NAMES = WIDGETS.map((w) => w.name) as [WidgetName, ...WidgetName[]];
