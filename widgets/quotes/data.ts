import type { DateTime } from "luxon";
import { z } from "zod";
import type { ContentIssue } from "../../scripts/build/content/issues.ts";
import { ZONE } from "../../scripts/build/model/dates.ts";
import { readDataFile } from "../../scripts/build/content/data-files.ts";
import { strictFields, visible } from "../../scripts/build/content/schema.ts";

export const quotesSchema = z
  .array(
    strictFields({
        text: visible(z.string({ error: "còn thiếu — thêm câu trích dẫn dạng `text: …`" }).trim().min(1, "không được để trống"), "text: …"),
        author: visible(
          z.string({ error: "còn thiếu — ai nói hay viết câu này, ví dụ `author: Albert Einstein`" }).trim().min(1, "không được để trống"),
          "author: Albert Einstein",
        ),
        source: visible(z.string({ error: "phải là một dòng chữ, ví dụ `source: Thư gửi Robert Hooke, 1675`" }).trim().min(1), "source: Thư gửi Robert Hooke, 1675").optional(),
    }),
    { error: "phải là danh sách câu trích dẫn, mỗi câu bắt đầu bằng `- text: …`" },
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
