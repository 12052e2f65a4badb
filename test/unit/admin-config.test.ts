import { describe, expect, it } from "vitest";
import type { z } from "zod";
import en from "decap-cms-locales/dist/esm/en/index.js";
import { checkDataFile, checkDocument, errorsOf } from "../../scripts/build/admin/check-entry.ts";
import { cmsConfig, HIDDEN_FIELDS, localBackendUrlFromEnv } from "../../scripts/build/admin/config.ts";
import { vi } from "../../scripts/build/admin/locale-vi.ts";
import { treeIndex } from "../../scripts/build/admin/tree-index.ts";
import { loadSite } from "../../scripts/build/content/load-site.ts";
import { contentFiles } from "../../scripts/build/check/content-files.ts";
import { fromInputValue, toInputValue } from "../../scripts/build/admin/vietnam-datetime.ts";
import { articleFrontMatter, pageFrontMatter, siteData, type CategoriesData } from "../../scripts/build/content/schema.ts";
import { counterSchema } from "../../widgets/counter/data.ts";
import { sidebarConfigSchema } from "../../widgets/config.ts";
import { linksSchema } from "../../widgets/links/data.ts";
import { quotesSchema } from "../../widgets/quotes/data.ts";
import { videosSchema } from "../../widgets/video/data.ts";

/** The index the build writes for the editor UI, of the real content tree. */
async function contentTree() {
  const { model } = await loadSite({ contentDir: "content", preview: true });
  return treeIndex(model!, "content", (await contentFiles("content")).files);
}

const categories: CategoriesData = { "lien-hiep-hoi": { name: "Liên hiệp Hội" }, "thong-bao": { name: "Thông báo" } };

/** The field names of an object schema, through arrays, refinements, transforms and defaults. */
function keysOf(schema: z.ZodType): string[] {
  const def = (schema as unknown as { def: Record<string, unknown> }).def;
  if (def.shape) return Object.keys(def.shape as object);
  for (const inner of [def.element, def.in, def.innerType, def.schema]) if (inner) return keysOf(inner as z.ZodType);
  throw new Error(`cannot find the fields of a ${String(def.type)} schema`);
}

type Field = { name: string; fields?: Field[] };
type Collection = { name: string; fields?: Field[]; files?: { name: string; fields: Field[] }[] };
const config = cmsConfig(categories, { contentPath: "content" }) as { collections: Collection[] };
const collection = (name: string) => config.collections.find((c) => c.name === name)!;
const fileFields = (collection: string, file: string) => {
  const fields = config.collections.find((c) => c.name === collection)!.files!.find((f) => f.name === file)!.fields;
  // List files are one field `items` holding the entries' fields (scripts/build/admin/cms-entry.ts, yaml-list).
  return fields.length === 1 && fields[0]!.name === "items" ? fields[0]!.fields! : fields;
};
const names = (fields: Field[]) => fields.map((f) => f.name).filter((n) => n !== "body");

describe("one contract per file type: every schema field is in the editor UI or deliberately hidden", () => {
  const cases: [string, z.ZodType, string[], Record<string, string>][] = [
    ["article (tin-tuc)", articleFrontMatter, names(collection("tin-tuc").fields!), HIDDEN_FIELDS.article!],
    ["article (thong-bao)", articleFrontMatter, names(collection("thong-bao").fields!), HIDDEN_FIELDS.article!],
    ["page", pageFrontMatter, names(collection("trang").fields!), HIDDEN_FIELDS.page!],
    ["site.yaml", siteData, names(fileFields("lien-he", "site")), HIDDEN_FIELDS.site!],
    ["links.yaml", linksSchema, names(fileFields("du-lieu", "links")), {}],
    ["quotes.yaml", quotesSchema, names(fileFields("du-lieu", "quotes")), {}],
    ["videos.yaml", videosSchema, names(fileFields("du-lieu", "videos")), {}],
    ["sidebar.yaml", sidebarConfigSchema, [], HIDDEN_FIELDS.sidebar!],
    ["counter.yaml", counterSchema, [], HIDDEN_FIELDS.counter!],
  ];
  it.each(cases)("%s", (_, schema, shown, hidden) => {
    const fields = keysOf(schema);
    expect(fields.filter((f) => !shown.includes(f) && !(f in hidden))).toEqual([]);
    // Nothing is listed twice, and nothing is configured that the schema would reject.
    expect(shown.filter((f) => f in hidden)).toEqual([]);
    expect([...shown, ...Object.keys(hidden)].filter((f) => !fields.includes(f))).toEqual([]);
  });
});

describe("editor UI configuration", () => {
  it("files photos by the article's year, both where they are stored and in the Markdown", () => {
    const articles = collection("tin-tuc") as unknown as Record<string, string>;
    expect(articles.path).toBe("{{year}}/{{slug}}");
    expect(articles.media_folder).toBe("/content/media/{{year}}");
    expect(articles.public_folder).toBe("../../media/{{year}}");
  });

  it("lists articles newest first with dd/mm/yyyy dates", () => {
    const articles = collection("tin-tuc") as unknown as { sortable_fields: { field: string; default_sort?: string }[]; summary: string };
    expect(articles.sortable_fields.find((f) => f.default_sort)).toEqual(expect.objectContaining({ field: "date", default_sort: "desc" }));
    expect(articles.summary).toContain("{{day}}/{{month}}/{{year}}");
  });

  it("points at the port decap-server is started with", () => {
    expect(localBackendUrlFromEnv({ DECAP_SERVER_PORT: "9000", PORT: "8090" })).toBe("http://localhost:9000/api/v1");
    expect(localBackendUrlFromEnv({ PORT: "8090" })).toBeUndefined();
    expect(localBackendUrlFromEnv({ DECAP_SERVER_PORT: "x" })).toBeUndefined();
    const local = cmsConfig(categories, { contentPath: "content", localBackendUrl: "http://localhost:8090/api/v1" });
    expect(local.local_backend).toEqual({ url: "http://localhost:8090/api/v1" });
    expect(local.backend).toEqual(expect.objectContaining({ name: "proxy", proxy_url: "http://localhost:8090/api/v1" }));
  });
});

describe("Vietnamese locale", () => {
  const leaves = (o: object, prefix = ""): string[] =>
    Object.entries(o).flatMap(([k, v]) => (typeof v === "object" ? leaves(v as object, `${prefix}${k}.`) : [`${prefix}${k}`]));

  it("translates every phrase of Decap's English locale, so none falls back to English", () => {
    expect(leaves(en).filter((k) => !leaves(vi).includes(k))).toEqual([]);
  });

  it("spells -oa- words the official way (hóa, xóa) and has none of the old awkward labels", () => {
    const all = leaves(vi).map((k) => k.split(".").reduce<any>((o, p) => o[p], vi) as string).join("\n");
    expect(all).not.toMatch(/hoá|xoá|toà|hoà/i);
    expect(all).not.toMatch(/Lấy những cái đã chọn|Kiểm tra Xem trước/);
  });

  it("names the buttons as the editors' guide does", async () => {
    const { readFile } = await import("node:fs/promises");
    const guide = await readFile("docs/huong-dan-bien-tap.md", "utf8");
    const newButton = (vi as unknown as { collection: { collectionTop: { newButton: string } } }).collection.collectionTop.newButton;
    for (const name of ["tin-tuc", "thong-bao"]) {
      const { label, label_singular } = collection(name) as unknown as { label: string; label_singular: string };
      expect(guide).toContain(`**${label}**`);
      expect(guide).toContain(`**${newButton.replace("%{collectionLabel}", label_singular)}**`);
    }
    const addComponent = (vi as unknown as { editor: { editorWidgets: { markdown: { addComponent: string } } } }).editor.editorWidgets.markdown.addComponent;
    expect(guide).toContain(`**${addComponent}**`);
  });
});

describe("dates in Vietnam time", () => {
  it("shows the stored instant as Vietnam wall-clock time and writes +07:00", () => {
    expect(toInputValue("2020-02-29T15:41:14+07:00")).toBe("2020-02-29T15:41:14");
    expect(toInputValue("2020-02-29T08:41:14Z")).toBe("2020-02-29T15:41:14");
    expect(fromInputValue("2020-02-29T15:41:14")).toBe("2020-02-29T15:41:14+07:00");
    expect(fromInputValue("2020-02-29T15:41")).toBe("2020-02-29T15:41:00+07:00");
    expect(fromInputValue("")).toBeUndefined();
  });
});

describe("the checks the editor UI runs before saving", () => {
  it("rejects a video file without its poster with the schema's message", () => {
    const issues = checkDataFile("videos.yaml", "- title: Hội nghị\n  src: /media/video/hoi-nghi.mp4\n", "content/_data/videos.yaml");
    expect(issues.map((i) => [i.line, i.field, i.severity])).toEqual([[2, "0.src", "error"]]);
    expect(issues[0]!.message).toContain("poster");
  });

  it("rejects a cover photo without its description, at the line of `image:`", async () => {
    const tree = await contentTree();
    const text = "---\ntitle: Tiêu đề\ndate: 2026-01-01T08:00:00+07:00\ncategory: lien-hiep-hoi\nimage: ../../media/2026/a.jpg\n---\nNội dung.\n";
    const issues = checkDocument("article", text, "content/tin-tuc/2026/a.md", tree);
    expect(issues.map((i) => [i.line, i.field])).toEqual([[5, "image"]]);
  });

  it("accepts the real article", async () => {
    const { readFile } = await import("node:fs/promises");
    const text = await readFile("content/tin-tuc/2020/trien-khai-nhiem-vu-nam-2020.md", "utf8");
    expect(errorsOf(checkDocument("article", text, "content/tin-tuc/2020/trien-khai-nhiem-vu-nam-2020.md", await contentTree()))).toEqual([]);
  });
});
