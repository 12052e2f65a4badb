// Browser entry of /admin/: Decap CMS with every widget, backend and locale, and our registrations.
import CMS from "decap-cms-app";
import { parse, stringify } from "yaml";
import { FrontmatterInfer } from "decap-cms-core/dist/esm/formats/frontmatter";
import decapYaml from "decap-cms-core/dist/esm/formats/yaml";
import { checkDataFile, checkDocument, EntryRejected, errorsOf, newEntryFile, type DocumentKind } from "./check-entry.ts";
import { DATETIME_WIDGET } from "./config.ts";
import { blockLiveReload } from "./live-reload.ts";
import { vi } from "./locale-vi.ts";
import { ArticlePreview, PagePreview, registerCategoryNames } from "./preview.ts";
import { ADMIN } from "../urls.ts";
import { TREE_INDEX, type TreeIndex } from "./tree-index.ts";
import { waitForLocalBackend } from "./local-backend.ts";
import { imageComponent, videoComponent } from "./video-component.ts";
import { VietnamDateTimeControl, VietnamDateTimePreview } from "./vietnam-datetime.ts";
import { useVietnamTimeInTemplates } from "./vietnam-time.ts";

blockLiveReload();
useVietnamTimeInTemplates();

CMS.registerLocale("vi", vi);
// content/_data/{links,quotes,videos}.yaml are lists at the top level, which Decap cannot edit
// (decap-cms#531): this format shows such a file as one field `items` and writes the list back.
const yamlList = {
  fromFile: (text: string) => ({ items: parse(text) ?? [] }),
  toFile: (data: { items?: unknown }) => stringify(data.items ?? [], { lineWidth: 0 }),
};
CMS.registerCustomFormat("yaml-list", "yaml", yamlList);
CMS.registerWidget(DATETIME_WIDGET, VietnamDateTimeControl as never, VietnamDateTimePreview as never);
CMS.registerEditorComponent(imageComponent as never);
CMS.registerEditorComponent(videoComponent as never);
for (const name of ["tin-tuc", "thong-bao"]) CMS.registerPreviewTemplate(name, ArticlePreview as never);
CMS.registerPreviewTemplate("trang", PagePreview as never);
const stylesheet = document.querySelector<HTMLMetaElement>('meta[name="site-stylesheet"]')?.content;
if (stylesheet) CMS.registerPreviewStyle(stylesheet);

const KINDS: Record<string, DocumentKind> = { "tin-tuc": "article", "thong-bao": "article", trang: "page" };

interface EntryLike {
  get(key: string): unknown;
  getIn(path: string[]): unknown;
}
/** Decap's data: Immutable.js maps and lists. */
interface Collection {
  filter(keep: (v: unknown) => boolean): Collection;
  map(f: (v: unknown) => unknown): Collection;
  toJS(): Record<string, unknown>;
}
const isCollection = (v: unknown): v is Collection => typeof (v as Collection | null)?.toJS === "function";

/** A field emptied in the form is left out of the file, as if never written (the schemas read "" as a value). */
function withoutEmpty(data: Collection): Collection {
  return data.filter((v) => v !== "" && v !== null && v !== undefined).map((v) => (isCollection(v) ? withoutEmpty(v) : v));
}

/** The tree's index, read afresh before each save: `npm start` rewrites it after every change. */
async function loadTree(): Promise<TreeIndex> {
  const response = await fetch(TREE_INDEX, { cache: "no-store" }).catch(() => undefined);
  if (response?.ok) return (await response.json()) as TreeIndex;
  // Without it the check against the other articles cannot run: saving could break the next build.
  throw new Error(`không đọc được ${ADMIN}${TREE_INDEX}, danh sách các bài để kiểm tra trước khi lưu — tải lại trang; nếu vẫn vậy, chạy lại npm start (hoặc npm run build).`);
}

// Whatever `npm run check` rejects is refused here, before anything is written, with the check's message.
CMS.registerEventListener({
  name: "preSave",
  handler: async ({ entry }: { entry: EntryLike }) => {
    const collection = String(entry.get("collection"));
    const cleaned = withoutEmpty(entry.get("data") as Collection);
    const data = cleaned.toJS();
    const kind = KINDS[collection];
    let issues;
    if (kind) {
      const tree = await loadTree();
      const file = String(entry.get("path") || "") || newEntryFile(kind, data, tree);
      // The very text Decap will write: its own writer, keys in the order of the collection's fields.
      // Photos uploaded while editing this entry, which the index cannot know yet.
      const uploads = ((entry.get("mediaFiles") as Collection | undefined)?.toJS() as unknown as { path?: string }[] | undefined) ?? [];
      const media = uploads.flatMap((m) => (m.path?.startsWith(`${tree.contentPath}/`) ? [m.path.slice(tree.contentPath.length + 1)] : []));
      issues = checkDocument(kind, FrontmatterInfer.toFile(data, fieldOrder.get(collection)), file, tree, media);
    } else {
      const path = String(entry.get("path"));
      // As written: our yaml-list format for the lists, Decap's YAML writer (keys in the fields' order) for site.yaml.
      const text = collection === "du-lieu" ? yamlList.toFile(data) : decapYaml.toFile(data, fieldOrder.get(`${collection}/${String(entry.get("slug"))}`));
      issues = checkDataFile(path.split("/").pop()!, text, path);
    }
    const errors = errorsOf(issues);
    if (errors.length > 0) throw new EntryRejected(errors);
    return cleaned;
  },
});

/** Field names of each folder collection and of each file ("collection/file"), in the config's order: Decap writes keys in it. */
const fieldOrder = new Map<string, string[]>();

async function start(): Promise<void> {
  const config = parse(await (await fetch("config.yml")).text()) as Record<string, unknown> & {
    backend: { name: string; proxy_url?: string };
    collections: { name: string; fields?: { name: string }[]; files?: { name: string; fields: { name: string }[] }[] }[];
  };
  for (const c of config.collections) {
    if (c.fields) fieldOrder.set(c.name, c.fields.map((f) => f.name));
    for (const f of c.files ?? []) fieldOrder.set(`${c.name}/${f.name}`, f.fields.map((field) => field.name));
  }
  registerCategoryNames(config as never);
  if (config.backend.name === "proxy") await waitForLocalBackend(config.backend.proxy_url!);
  CMS.init({ config: { ...config, load_config_file: false } as never });
}

void start();
