import type { SiteModel } from "./model/types.ts";

/** Placeholder until the widgets land: the sidebar slot renders nothing. */
export async function renderSidebar(_model: SiteModel): Promise<string> {
  return "";
}
