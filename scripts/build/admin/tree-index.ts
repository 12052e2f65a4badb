// What the editor UI needs to know about the rest of the content tree to refuse, before saving, what
// `npm run check` would reject across files: addresses taken by another article or page, old addresses
// (legacy_url) already leading elsewhere or belonging to the new site. The build writes it beside the
// editor UI; the dev server rewrites it after each save, and the UI reads it afresh before each save.
import { mkdir, writeFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import type { CategoriesData } from "../content/schema.ts";
import { contentFiles, contentPath } from "../check/content-files.ts";
import { siteAddresses } from "../check/links.ts";
import type { SiteModel } from "../model/types.ts";

export const TREE_INDEX = "tree.json";

export interface IndexedDocument {
  /** As Decap and the check's messages name it: "content/tin-tuc/2020/ten-bai.md". */
  file: string;
  url: string;
  /** Where the address comes from: the `slug:` line, or 1 (the file name). */
  urlLine: number;
  legacy: { raw: string; line: number }[];
}

export interface TreeIndex {
  /** The content folder relative to the repository root, "/" separators. */
  contentPath: string;
  categories: CategoriesData;
  documents: IndexedDocument[];
  /** The other addresses the site serves: listings, fixed routes, category feeds. */
  served: string[];
  /** The files of content/media/, relative to the content folder ("media/2020/anh.jpg"): the image check's suggestions. */
  media: string[];
}

export const defaultContentPath = (contentDir: string) => relative(process.cwd(), contentDir).split(sep).join("/");

export function treeIndex(model: SiteModel, root: string, files: readonly string[]): TreeIndex {
  const docs = [...model.articles, ...model.pages];
  const urls = new Set(docs.map((doc) => doc.url));
  return {
    contentPath: root,
    categories: model.categoriesData,
    documents: docs.map((doc) => ({
      file: `${root}/${contentPath(model.contentDir, doc.sourcePath)}`,
      url: doc.url,
      urlLine: doc.frontMatter.slug ? doc.lineOf(["slug"]) : 1,
      legacy: (doc.kind === "article" ? (doc.frontMatter.legacy_url ?? []) : []).map((raw, i) => ({ raw, line: doc.lineOf(["legacy_url", i]) })),
    })),
    served: [...siteAddresses(model)].filter((url) => !urls.has(url)),
    media: files.filter((f) => f.startsWith("media/")),
  };
}

/** Writes /admin/tree.json; `root` is the content folder as the editor UI's paths start (usually "content"). */
export async function writeTreeIndex(outputDir: string, model: SiteModel, root = defaultContentPath(model.contentDir)): Promise<void> {
  await mkdir(join(outputDir, "admin"), { recursive: true });
  const { files } = await contentFiles(model.contentDir);
  await writeFile(join(outputDir, "admin", TREE_INDEX), JSON.stringify(treeIndex(model, root, files)));
}
