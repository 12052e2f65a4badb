import { z } from "zod";
import type { ContentIssue } from "../scripts/build/content/issues.ts";
import { readDataFile } from "../scripts/build/content/data-files.ts";
import { strictFields } from "../scripts/build/content/schema.ts";
import { WIDGET_NAMES } from "./registry.ts";

const widgetName = z.enum(WIDGET_NAMES, {
  error: (i) => `"${String(i.input)}" không phải tên một ô — dùng một trong các tên: ${WIDGET_NAMES.join(", ")}`,
});

export const sidebarConfigSchema = strictFields({
    widgets: z.array(widgetName, { error: "phải là danh sách tên các ô, ví dụ\n  widgets:\n    - announcements" }).superRefine((list, ctx) => {
      list.forEach((name, i) => {
        if (list.indexOf(name) !== i) {
          ctx.addIssue({ code: "custom", path: [i], message: `"${name}" có hai lần — giữ một` });
        }
      });
    }),
    announcements: strictFields({
        limit: z.number({ error: "phải là một số nguyên, ví dụ `limit: 5`" }).int().min(1).max(20, "cột bên chỉ chứa tối đa 20 thông báo").default(5),
      })
      .default({ limit: 5 }),
});
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
