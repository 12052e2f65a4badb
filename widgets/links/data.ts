import { z } from "zod";
import type { ContentIssue } from "../../scripts/build/content/issues.ts";
import { readDataFile } from "../../scripts/build/content/data-files.ts";
import { strictFields, visible } from "../../scripts/build/content/schema.ts";
import { isSitePath } from "../../scripts/build/urls.ts";

const ABSOLUTE = /^https?:\/\/[^\s/$.?#][^\s"'<>]*$/i;

export const linksSchema = z.array(
  strictFields({
        title: visible(
          z.string({ error: "còn thiếu — thêm một dòng như `title: Cổng thông tin điện tử tỉnh Quảng Ngãi`" }).trim().min(1, "không được để trống"),
          "title: Cổng thông tin điện tử tỉnh Quảng Ngãi",
        ),
        url: z
          .string({ error: "còn thiếu — thêm một dòng như `url: https://www.quangngai.gov.vn`" })
          .trim()
          .refine((u) => ABSOLUTE.test(u) || isSitePath(u), {
            error: (i) =>
              `"${String(i.input)}" không phải một địa chỉ web — viết đầy đủ, ví dụ https://vusta.vn, hoặc một đường dẫn trên trang này bắt đầu bằng một dấu / (không phải // hay /\\)`,
          }),
      })
    .transform((l) => ({ ...l, external: ABSOLUTE.test(l.url) })),
  { error: "phải là một danh sách liên kết, mỗi liên kết bắt đầu bằng `- title: …`" },
);

export type WebLink = z.infer<typeof linksSchema>[number];

/** content/_data/links.yaml, in the editors' order. A missing file means no links. */
export async function loadLinks(contentDir: string): Promise<{ links: WebLink[]; issues: ContentIssue[] }> {
  const result = await readDataFile(contentDir, "links.yaml", linksSchema);
  if (result.status === "invalid") return { links: [], issues: result.issues };
  return { links: result.status === "ok" ? result.value : [], issues: [] };
}
