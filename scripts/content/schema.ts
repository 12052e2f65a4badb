import { z } from "zod";

/**
 * The contract with editors. Every front-matter and data type in the code is
 * derived from these schemas with z.infer; none is written by hand.
 */

const required = (what: string, example: string) => (issue: { input?: unknown }) =>
  issue.input === undefined || issue.input === null
    ? `required — add a line like \`${example}\``
    : `must be ${what} — for example \`${example}\``;

const text = (what: string, example: string) =>
  z.string({ error: required(what, example) }).trim().min(1, `must not be empty — for example \`${example}\``);

const stringList = z
  .union([z.string(), z.array(z.string())], {
    error: "must be a word or a list such as [hội nghị, ban chấp hành]",
  })
  .transform((v) => (Array.isArray(v) ? v : [v]));

const slugField = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be lower-case ASCII words joined by hyphens, e.g. trien-khai-nhiem-vu")
  .optional();

export const articleFrontMatter = z
  .strictObject(
    {
      title: text("a text", "title: Triển khai nhiệm vụ năm 2020"),
      // A string: dates are parsed in Vietnam time by scripts/model/dates.ts.
      date: z.union([z.string(), z.date()], {
        error: required("a date", "date: 2020-02-29T15:41:14+07:00"),
      }),
      category: text("a category key", "category: lien-hiep-hoi"),
      author: z.string().trim().optional(),
      summary: z.string().trim().optional(),
      slug: slugField,
      image: z.string().trim().min(1).optional(),
      image_alt: z.string().trim().min(1, "must describe the image in words").optional(),
      tags: stringList.optional(),
      legacy_url: stringList.optional(),
      draft: z.boolean({ error: "must be true or false (without quotes)" }).optional(),
    },
    { error: (i) => (i.code === "unrecognized_keys" ? `unknown field(s) ${i.keys.join(", ")} — remove or rename; known fields: title, date, category, author, summary, slug, image, image_alt, tags, legacy_url, draft` : undefined) },
  )
  .superRefine(
    (fm, ctx) => {
      if (fm.image && !fm.image_alt) {
        ctx.addIssue({
          code: "custom",
          path: ["image"],
          message: "a cover image needs `image_alt:` describing it for readers who cannot see it",
        });
      }
    },
    // Run even when other fields failed, so that every error is reported at once.
    { when: (payload) => typeof payload.value === "object" && payload.value !== null },
  );
export type ArticleFrontMatter = z.infer<typeof articleFrontMatter>;

export const pageFrontMatter = z.strictObject({
  title: text("a text", "title: Giới thiệu"),
  summary: z.string().trim().optional(),
  slug: slugField,
  menu_order: z.number().int().optional(),
  /** Show the organisation's contact details (from site.yaml) under the text. */
  show_contact: z.boolean().optional(),
  draft: z.boolean({ error: "must be true or false (without quotes)" }).optional(),
});
export type PageFrontMatter = z.infer<typeof pageFrontMatter>;

export const categoriesData = z.record(
  z.string().regex(/^[a-z0-9-]+$/, "category keys are lower-case ASCII with hyphens"),
  z.strictObject({
    name: text("a text", "name: Liên hiệp Hội"),
    parent: z.string().optional(),
    description: z.string().optional(),
    order: z.number().int().optional(),
  }),
);
export type CategoriesData = z.infer<typeof categoriesData>;

const optionalText = z.string().trim().nullish().transform((v) => v || undefined);

export const siteData = z.strictObject({
  name: text("a text", "name: Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Quảng Ngãi"),
  short_name: text("a text", "short_name: Liên hiệp Hội Quảng Ngãi"),
  description: optionalText,
  // Empty until the production domain is known; the build then uses Netlify's URL.
  url: z.url({ error: "must be the site's full address, e.g. https://example.org" }).nullish(),
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
  z.strictObject({
    label: text("a text", "label: Giới thiệu"),
    url: z.string().regex(/^\//, "must be a path on this site starting with /"),
  }),
);
export type MenuData = z.infer<typeof menuData>;
