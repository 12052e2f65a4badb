import type { WidgetDefinition } from "../widget.ts";
import { Links } from "./Links.tsx";
import { loadLinks, type WebLink } from "./data.ts";

export const links: WidgetDefinition<"links", WebLink[]> = {
  name: "links",
  dataFile: "links.yaml",
  load: async ({ contentDir }) => {
    const { links, issues } = await loadLinks(contentDir);
    return { data: links.length > 0 ? links : undefined, issues };
  },
  Component: ({ data }) => Links({ links: data }),
};
