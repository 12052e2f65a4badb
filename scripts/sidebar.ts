import { ContentError, formatIssue } from "./content/issues.ts";
import type { SiteModel } from "./model/types.ts";
import { loadSidebarData, renderSidebar as renderWidgets } from "../widgets/sidebar.tsx";

/** The sidebar's HTML, once per build; an error in content/_data stops the build like any content error. */
export async function renderSidebar(model: SiteModel): Promise<string> {
  const { data, issues } = await loadSidebarData(model.contentDir, model.articles);
  if (issues.some((i) => i.severity === "error")) throw new ContentError(issues);
  for (const warning of issues) console.warn(formatIssue(warning));
  return renderWidgets(data);
}
