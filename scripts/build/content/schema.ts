import { z } from "zod";
import { isSitePath } from "../urls.ts";

/**
 * The contract with editors. Every front-matter and data type in the code is
 * derived from these schemas with z.infer; none is written by hand. Messages are
 * Vietnamese: editors read them.
 */

const required = (what: string, example: string) => (issue: { input?: unknown }) =>
  issue.input === undefined || issue.input === null
    ? `còn thiếu — thêm một dòng như \`${example}\``
    : `phải là ${what} — ví dụ \`${example}\``;

/** Characters that take no room on screen: a text made only of them looks empty. */
const INVISIBLE = /[\s\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180E\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0]/gu;
export const isVisibleText = (value: string): boolean => value.replace(INVISIBLE, "") !== "";

/** A text that may be left empty, but not filled with characters nobody sees (it would look empty on the page). */
export const visible = (schema: z.ZodString, example: string) =>
  schema.refine((v) => v === "" || isVisibleText(v), `chỉ có ký tự vô hình (như dấu cách rộng 0), trông như để trống — gõ lại, ví dụ \`${example}\``);

const text = (what: string, example: string) =>
  visible(z.string({ error: required(what, example) }).trim().min(1, `không được để trống — ví dụ \`${example}\``), example);

/**
 * A strict object whose "unknown field" message lists its own keys, so the list
 * can never drift from the schema.
 */
export function strictFields<T extends z.core.$ZodLooseShape>(shape: T) {
  const known = Object.keys(shape).join(", ");
  return z.strictObject(shape, {
    error: (i) => (i.code === "unrecognized_keys" ? `trường lạ: ${i.keys.join(", ")} — xóa hoặc sửa tên cho đúng; các trường hợp lệ: ${known}` : undefined),
  });
}

const stringList = z
  .union([z.string(), z.array(z.string())], {
    error: "phải là một từ hoặc một danh sách như [hội nghị, ban chấp hành]",
  })
  .transform((v) => (Array.isArray(v) ? v : [v]));

const slugField = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "chỉ gồm chữ thường không dấu, số và dấu gạch nối, ví dụ trien-khai-nhiem-vu")
  .optional();

const trueOrFalse = z.boolean({ error: "phải là true hoặc false (không có dấu ngoặc kép)" });

export const articleFields = {
  title: text("một dòng chữ", "title: Triển khai nhiệm vụ năm 2020"),
  // A string: dates are parsed in Vietnam time by scripts/build/model/dates.ts.
  date: z.union([z.string(), z.date()], {
    error: required("một ngày", "date: 2020-02-29T15:41:14+07:00"),
  }),
  category: text("một mã chuyên mục", "category: lien-hiep-hoi"),
  author: visible(z.string({ error: "phải là một dòng chữ, ví dụ `author: BH`" }).trim(), "author: BH").optional(),
  summary: visible(z.string({ error: "phải là một dòng chữ" }).trim(), "summary: Tóm tắt bài trong một hai câu").optional(),
  slug: slugField,
  image: z.string({ error: "phải là đường dẫn tới ảnh, ví dụ `image: ../../media/2020/anh.jpg`" }).trim().min(1).optional(),
  image_alt: visible(z.string().trim().min(1, "phải mô tả ảnh bằng lời"), "image_alt: Quang cảnh Hội nghị").optional(),
  tags: stringList.optional(),
  legacy_url: stringList.optional(),
  draft: trueOrFalse.optional(),
};

export const articleFrontMatter = strictFields(articleFields).superRefine(
  (fm, ctx) => {
    if (fm.image && !fm.image_alt) {
      ctx.addIssue({
        code: "custom",
        path: ["image"],
        message: "ảnh đại diện cần dòng `image_alt:` mô tả ảnh cho người không xem được ảnh",
      });
    }
  },
  // Run even when other fields failed, so that every error is reported at once.
  { when: (payload) => typeof payload.value === "object" && payload.value !== null },
);
export type ArticleFrontMatter = z.infer<typeof articleFrontMatter>;

export const pageFrontMatter = strictFields({
  title: text("một dòng chữ", "title: Giới thiệu"),
  summary: z.string().trim().optional(),
  slug: slugField,
  menu_order: z.number({ error: "phải là một số nguyên, ví dụ `menu_order: 2`" }).int().optional(),
  /** Show the organisation's contact details (from site.yaml) under the text. */
  show_contact: trueOrFalse.optional(),
  draft: trueOrFalse.optional(),
});
export type PageFrontMatter = z.infer<typeof pageFrontMatter>;

const CATEGORY_KEY = "mã chuyên mục chỉ gồm chữ thường không dấu, số và dấu gạch nối, ví dụ `hoi-thanh-vien:`";
export const categoriesData = z.record(
  z.string().regex(/^[a-z0-9-]+$/, CATEGORY_KEY),
  strictFields({
    name: text("một dòng chữ", "name: Liên hiệp Hội"),
    parent: z.string().optional(),
    description: z.string().optional(),
    order: z.number({ error: "phải là một số nguyên, ví dụ `order: 2`" }).int().optional(),
  }),
  // zod reports a bad key as "invalid_key" without the key schema's message.
  { error: (i) => (i.code === "invalid_key" ? CATEGORY_KEY : undefined) },
);
export type CategoriesData = z.infer<typeof categoriesData>;

const optionalText = z.string().trim().nullish().transform((v) => v || undefined);

export const siteData = strictFields({
  name: text("một dòng chữ", "name: Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Quảng Ngãi"),
  short_name: text("một dòng chữ", "short_name: Liên hiệp Hội Quảng Ngãi"),
  description: optionalText,
  // Empty until the production domain is known; the build then uses Netlify's URL.
  url: z.url({ protocol: /^https?$/, error: "phải là địa chỉ đầy đủ của trang, bắt đầu bằng https://, ví dụ `url: https://example.org`" }).nullish(),
  language: z.literal("vi").default("vi"),
  address: optionalText,
  phone: optionalText,
  fax: optionalText,
  email: optionalText,
  responsible: optionalText,
  licence: optionalText,
});
export type SiteData = z.infer<typeof siteData>;

export const menuData = z.array(
  strictFields({
    label: text("một dòng chữ", "label: Giới thiệu"),
    url: z.string().refine(isSitePath, "phải là một địa chỉ trên trang này, bắt đầu bằng một dấu / (không phải // hay /\\), ví dụ `url: /gioi-thieu/`"),
  }),
);
export type MenuData = z.infer<typeof menuData>;
