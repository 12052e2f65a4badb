import { access } from "node:fs/promises";
import type { VNode } from "preact";
import { renderToString } from "preact-render-to-string";
import type { ContentIssue } from "../scripts/build/content/issues.ts";
import { nowInVietnam } from "../scripts/build/model/dates.ts";
import type { Article } from "../scripts/build/model/types.ts";
import { loadSidebarConfig } from "./config.ts";
import { dataFilePath } from "../scripts/build/content/data-files.ts";
import { WIDGETS, type WidgetName } from "./registry.ts";
import type { WidgetContext, WidgetDefinition } from "./widget.ts";

/** A loaded box: its name and its markup, bound to its data when it was loaded (so types never cross boxes). */
export interface SidebarWidget {
  name: WidgetName;
  render(): VNode;
}

export interface SidebarData {
  /** The boxes to show, in sidebar.yaml's order; empty ones are left out. */
  widgets: SidebarWidget[];
}

export type SidebarOptions = Partial<Pick<WidgetContext, "now" | "counterStore">>;

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

async function loadWidget<Data>(
  definition: WidgetDefinition<WidgetName, Data>,
  context: WidgetContext,
): Promise<{ widget?: SidebarWidget; issues: ContentIssue[] }> {
  const { data, issues } = await definition.load(context);
  const { Component } = definition;
  return { widget: data === undefined ? undefined : { name: definition.name, render: () => <Component data={data} /> }, issues };
}

/** Load everything the sidebar shows; every problem in content/_data comes back as an issue. */
export async function loadSidebarData(
  contentDir: string,
  articles: Article[],
  options: SidebarOptions = {},
): Promise<{ data: SidebarData; issues: ContentIssue[] }> {
  const { config, explicit, issues } = await loadSidebarConfig(contentDir);
  const context: WidgetContext = { contentDir, articles, now: options.now ?? nowInVietnam(), config, counterStore: options.counterStore };
  const widgets: SidebarWidget[] = [];
  for (const definition of WIDGETS) {
    const shown = config.widgets.indexOf(definition.name);
    if (shown < 0) {
      if (definition.checkWhenHidden) issues.push(...(await definition.load(context)).issues);
      continue;
    }
    const file = definition.dataFile;
    if (file && !(await exists(dataFilePath(contentDir, file).path))) {
      // A box asked for by name needs its file; the default list just skips it.
      if (explicit) issues.push(missingFile(contentDir, file, definition.name));
      continue;
    }
    const loaded = await loadWidget<unknown>(definition as WidgetDefinition<WidgetName, unknown>, context);
    issues.push(...loaded.issues);
    if (loaded.widget) widgets[shown] = loaded.widget;
  }
  return { data: { widgets: widgets.filter(Boolean) }, issues };
}

export function Sidebar({ data }: { data: SidebarData }) {
  return (
    <aside class="sidebar" aria-label="Thông tin thêm" data-pagefind-ignore="all">
      {data.widgets.map((widget) => widget.render())}
    </aside>
  );
}

/** The whole <aside>, as HTML: render it once per build and put it on every page. */
export function renderSidebar(data: SidebarData): string {
  return renderToString(<Sidebar data={data} />);
}
