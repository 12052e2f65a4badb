import type { DateTime } from "luxon";
import { z } from "zod";
import type { ContentIssue } from "../../scripts/content/issues.ts";
import { ZONE } from "../../scripts/model/dates.ts";
import { readDataFile } from "../../scripts/content/data-files.ts";

export const quotesSchema = z
  .array(
    z.strictObject(
      {
        text: z.string({ error: "required — add the quotation as `text: …`" }).trim().min(1, "must not be empty"),
        author: z.string({ error: "required — who said or wrote it, e.g. `author: Albert Einstein`" }).trim().min(1, "must not be empty"),
        source: z.string({ error: "must be a text, e.g. `source: Thư gửi Robert Hooke, 1675`" }).trim().min(1).optional(),
      },
      { error: (i) => (i.code === "unrecognized_keys" ? `unknown field(s) ${i.keys.join(", ")} — known fields: text, author, source` : undefined) },
    ),
    { error: "must be a list of quotations, each starting with `- text: …`" },
  );

export type Quote = z.infer<typeof quotesSchema>[number];

export interface QuotesData {
  quotes: Quote[];
  /** The quote shown without JavaScript. */
  shown: number;
}

/**
 * The sidebar is rendered once per build, so the quote readers see without
 * JavaScript is chosen by the build's day (Vietnam time): it changes with the
 * daily rebuild, and two builds on the same day give the same HTML.
 */
export function quoteOfTheDay(count: number, buildTime: DateTime): number {
  const local = buildTime.setZone(ZONE);
  const day = Math.floor(Date.UTC(local.year, local.month - 1, local.day) / 86_400_000);
  return count === 0 ? 0 : day % count;
}

/** content/_data/quotes.yaml. A missing file means no quotes box. */
export async function loadQuotes(contentDir: string, buildTime: DateTime): Promise<{ data: QuotesData; issues: ContentIssue[] }> {
  const result = await readDataFile(contentDir, "quotes.yaml", quotesSchema);
  if (result.status === "invalid") return { data: { quotes: [], shown: 0 }, issues: result.issues };
  const quotes = result.status === "ok" ? result.value : [];
  return { data: { quotes, shown: quoteOfTheDay(quotes.length, buildTime) }, issues: [] };
}
