import { z } from "zod";
import type { ContentIssue } from "../scripts/content/issues.ts";
import { readDataFile } from "../scripts/content/data-files.ts";

import { WIDGET_NAMES } from "./registry.ts";

const widgetName = z.enum(WIDGET_NAMES, {
  error: (i) => `"${String(i.input)}" is not a widget — use one of: ${WIDGET_NAMES.join(", ")}`,
});

export const sidebarConfigSchema = z.strictObject(
  {
    widgets: z.array(widgetName, { error: "must be a list of widget names, e.g.\n  widgets:\n    - announcements" }).superRefine((list, ctx) => {
      list.forEach((name, i) => {
        if (list.indexOf(name) !== i) {
          ctx.addIssue({ code: "custom", path: [i], message: `"${name}" is listed twice — keep one of them` });
        }
      });
    }),
    announcements: z
      .strictObject({
        limit: z.number({ error: "must be a whole number, e.g. `limit: 5`" }).int().min(1).max(20, "at most 20 announcements fit in the sidebar").default(5),
      })
      .default({ limit: 5 }),
  },
  { error: (i) => (i.code === "unrecognized_keys" ? `unknown field(s) ${i.keys.join(", ")} — known fields: widgets, announcements` : undefined) },
);
export type SidebarConfig = z.infer<typeof sidebarConfigSchema>;

const DEFAULT_CONFIG: SidebarConfig = { widgets: [...WIDGET_NAMES], announcements: { limit: 5 } };

/**
 * content/_data/sidebar.yaml: which boxes show, in which order. Without it, every
 * box whose data file exists shows (a bare content tree still builds).
 */
export async function loadSidebarConfig(
  contentDir: string,
): Promise<{ config: SidebarConfig; explicit: boolean; issues: ContentIssue[] }> {
  const result = await readDataFile(contentDir, "sidebar.yaml", sidebarConfigSchema);
  if (result.status === "ok") return { config: result.value, explicit: true, issues: [] };
  return { config: DEFAULT_CONFIG, explicit: false, issues: result.status === "invalid" ? result.issues : [] };
}
