import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getStore, type Store } from "@netlify/blobs";
import { BlobsServer } from "@netlify/blobs/server";
import type { DateTime } from "luxon";
import { toIso } from "../../scripts/build/model/dates.ts";
import type { Article, Category } from "../../scripts/build/model/types.ts";

/** A throw-away content/ folder with the given content/_data files. */
export async function contentDir(data: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "widgets-content-"));
  await mkdir(join(dir, "_data"));
  for (const [name, text] of Object.entries(data)) await writeFile(join(dir, "_data", name), text);
  return dir;
}

/**
 * A sidebar's data files written for the tests (never the editors' own content/_data, so that an editor's
 * change there cannot turn a test red; `npm run check` validates those).
 */
export const SIDEBAR_FIXTURE: Record<string, string> = {
  "sidebar.yaml": "widgets:\n  - announcements\n  - video\n  - links\n  - quotes\n  - counter\nannouncements:\n  limit: 5\n",
  "videos.yaml": "- title: Hội nghị Ban chấp hành\n  youtube: AbCdEfGhI_-\n  featured: true\n- title: Video sự kiện\n",
  "links.yaml": "- title: Cổng thông tin điện tử tỉnh\n  url: https://example.gov.vn\n- title: Lưu trữ\n  url: /luu-tru/\n",
  "quotes.yaml": [
    "- text: Học, học nữa, học mãi.\n  author: Lê-nin",
    "- text: Tri thức là sức mạnh.\n  author: Francis Bacon\n  source: Meditationes Sacrae",
    "- text: Khoa học bắt đầu từ lúc người ta biết đo.\n  author: Dmitri Mendeleev",
  ].join("\n") + "\n",
  "counter.yaml": "base_total: 3994514\n",
};

export function category(key: string, parent?: Category): Category {
  const c: Category = { key, name: key, children: [], path: [], url: `/chuyen-muc/${key}/`, articles: [], parent };
  c.path = [...(parent?.path ?? []), c];
  parent?.children.push(c);
  return c;
}

export function article(title: string, date: DateTime, cat: Category): Article {
  const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  return {
    kind: "article",
    file: `content/tin-tuc/${slug}.md`,
    sourcePath: `/content/tin-tuc/${slug}.md`,
    title,
    slug,
    url: `/tin-tuc/${date.toFormat("yyyy/MM")}/${slug}/`,
    summary: "",
    html: "",
    draft: false,
    references: [],
    bodyLine: 1,
    lineOf: () => 1,
    frontMatter: { title, date: toIso(date), category: cat.key },
    date,
    dateIso: toIso(date),
    year: date.year,
    category: cat,
    tags: [],
    legacyUrls: [],
    future: false,
  };
}

/** A real local Netlify Blobs server in a temporary folder, and a store on it. */
export async function blobsServer(): Promise<{
  store: (name?: string) => Store;
  context: { siteID: string; token: string; edgeURL: string; uncachedEdgeURL: string };
  stop: () => Promise<void>;
}> {
  const directory = await mkdtemp(join(tmpdir(), "widgets-blobs-"));
  const token = "test-token";
  const server = new BlobsServer({ directory, token });
  const url = `http://127.0.0.1:${(await server.start()).port}`;
  const context = { siteID: "test-site", token, edgeURL: url, uncachedEdgeURL: url };
  return {
    store: (name = "visits") => getStore({ name, ...context, consistency: "strong" }),
    context,
    stop: async () => {
      await server.stop();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
