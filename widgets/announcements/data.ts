import type { DateTime } from "luxon";
import type { Article } from "../../scripts/build/model/types.ts";
import { categoryUrl } from "../../scripts/build/urls.ts";

export const ANNOUNCEMENT_CATEGORY = "thong-bao";
const NEW_FOR_DAYS = 7;

export interface AnnouncementsData {
  items: { title: string; url: string; date: DateTime; isNew: boolean }[];
  listUrl: string;
}

/**
 * The latest articles of the `thong-bao` category (or its sub-categories), newest
 * first. "New" is judged at build time, which is when the sidebar is rendered.
 */
export function loadAnnouncements(articles: readonly Article[], limit: number, now: DateTime): AnnouncementsData {
  const inCategory = articles.filter((a) => a.category.path.some((c) => c.key === ANNOUNCEMENT_CATEGORY));
  const category = inCategory[0]?.category.path.find((c) => c.key === ANNOUNCEMENT_CATEGORY);
  const newSince = now.minus({ days: NEW_FOR_DAYS });
  const items = [...inCategory]
    .sort((a, b) => b.date.toMillis() - a.date.toMillis())
    .slice(0, limit)
    .map((a) => ({
      title: a.title,
      url: a.url,
      date: a.date,
      isNew: a.date > newSince && a.date <= now,
    }));
  return { items, listUrl: category?.url ?? categoryUrl(ANNOUNCEMENT_CATEGORY) };
}
