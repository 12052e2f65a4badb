import type { Store } from "@netlify/blobs";
import type { DateTime } from "luxon";
import type { FunctionComponent } from "preact";
import type { ContentIssue } from "../scripts/build/content/issues.ts";
import type { Article } from "../scripts/build/model/types.ts";
import type { SidebarConfig } from "./config.ts";

/** What every widget's loader may read; the sidebar builds it once per build. */
export interface WidgetContext {
  contentDir: string;
  articles: readonly Article[];
  /** Build time: decides "new" announcements, the no-JS quote and the counter's label. */
  now: DateTime;
  config: SidebarConfig;
  /** Visit log to read the build-time count from (default: Netlify's, when the build has it). */
  counterStore?: Store;
}

/** A loader's answer: no data means the box has nothing to show and is left out. */
export interface Loaded<Data> {
  data?: Data;
  issues: ContentIssue[];
}

/**
 * One sidebar box: everything the sidebar needs to know about it, exported from widgets/<name>/widget.ts
 * as `WidgetDefinition<"name", Data>` (annotated, not inferred: the registry's names feed sidebar.yaml's
 * schema, which the loaders read).
 */
export interface WidgetDefinition<Name extends string, Data> {
  name: Name;
  /** Its file in content/_data: a sidebar.yaml that lists the box by name without the file is an error. */
  dataFile?: string;
  /** Also feeds a page (not only the box): its problems count even when sidebar.yaml hides the box. */
  checkWhenHidden?: boolean;
  load(context: WidgetContext): Promise<Loaded<Data>> | Loaded<Data>;
  Component: FunctionComponent<{ data: Data }>;
  /** Browser module (absolute path) whose default export runs on every page; bundled into site.js. */
  client?: string;
}
