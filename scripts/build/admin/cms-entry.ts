// Browser entry of /admin/: Decap CMS with every widget, backend and locale, and our registrations.
import CMS from "decap-cms-app";
import { parse, stringify } from "yaml";
import { checkDataFile, checkDocument, documentText, EntryRejected, errorsOf, type DocumentKind } from "./check-entry.ts";
import { DATETIME_WIDGET } from "./config.ts";
import { blockLiveReload } from "./live-reload.ts";
import { vi } from "./locale-vi.ts";
import { ArticlePreview, PagePreview, registerCategoryNames } from "./preview.ts";
import { waitForLocalBackend } from "./local-backend.ts";
import { imageComponent, videoComponent } from "./video-component.ts";
import { VietnamDateTimeControl, VietnamDateTimePreview } from "./vietnam-datetime.ts";
import { useVietnamTimeInTemplates } from "./vietnam-time.ts";

blockLiveReload();
useVietnamTimeInTemplates();

CMS.registerLocale("vi", vi);
// content/_data/{links,quotes,videos}.yaml are lists at the top level, which Decap cannot edit
// (decap-cms#531): this format shows such a file as one field `items` and writes the list back.
CMS.registerCustomFormat("yaml-list", "yaml", {
  fromFile: (text: string) => ({ items: parse(text) ?? [] }),
  toFile: (data: { items?: unknown[] }) => stringify(data.items ?? [], { lineWidth: 0 }),
});
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

// Whatever `npm run check` rejects is refused here, before anything is written, with the check's message.
CMS.registerEventListener({
  name: "preSave",
  handler: ({ entry }: { entry: EntryLike }) => {
    const collection = String(entry.get("collection"));
    const cleaned = withoutEmpty(entry.get("data") as Collection);
    const data = cleaned.toJS();
    const path = String(entry.get("path") || "") || `(${collection} mới)`;
    const kind = KINDS[collection];
    const issues = kind
      ? checkDocument(kind, documentText(data), path)
      : checkDataFile(path.split("/").pop()!, collection === "du-lieu" ? stringify(data.items ?? []) : stringify(data), path);
    const errors = errorsOf(issues);
    if (errors.length > 0) throw new EntryRejected(errors);
    return cleaned;
  },
});

async function start(): Promise<void> {
  const config = parse(await (await fetch("config.yml")).text()) as Record<string, unknown> & { backend: { name: string; proxy_url?: string } };
  registerCategoryNames(config as never);
  if (config.backend.name === "proxy") await waitForLocalBackend(config.backend.proxy_url!);
  CMS.init({ config: { ...config, load_config_file: false } as never });
}

void start();
