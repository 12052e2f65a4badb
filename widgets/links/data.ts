import { z } from "zod";
import type { ContentIssue } from "../../scripts/content/issues.ts";
import { readDataFile } from "../../scripts/content/data-files.ts";

const ABSOLUTE = /^https?:\/\/[^\s/$.?#][^\s"'<>]*$/i;

export const linksSchema = z.array(
  z
    .strictObject(
      {
        title: z.string({ error: "required — add a line like `title: Cổng thông tin điện tử tỉnh Quảng Ngãi`" }).trim().min(1, "must not be empty"),
        url: z
          .string({ error: "required — add a line like `url: https://www.quangngai.gov.vn`" })
          .trim()
          .refine((u) => ABSOLUTE.test(u) || /^\/[^\s"'<>]*$/.test(u), {
            error: (i) => `"${String(i.input)}" is not a web address — write it in full, e.g. https://vusta.vn, or as a path on this site starting with /`,
          }),
      },
      { error: (i) => (i.code === "unrecognized_keys" ? `unknown field(s) ${i.keys.join(", ")} — known fields: title, url` : undefined) },
    )
    .transform((l) => ({ ...l, external: ABSOLUTE.test(l.url) })),
  { error: "must be a list of links, each starting with `- title: …`" },
);

export type WebLink = z.infer<typeof linksSchema>[number];

/** content/_data/links.yaml, in the editors' order. A missing file means no links. */
export async function loadLinks(contentDir: string): Promise<{ links: WebLink[]; issues: ContentIssue[] }> {
  const result = await readDataFile(contentDir, "links.yaml", linksSchema);
  if (result.status === "invalid") return { links: [], issues: result.issues };
  return { links: result.status === "ok" ? result.value : [], issues: [] };
}
