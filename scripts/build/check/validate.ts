import { readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import type { DateTime } from "luxon";
import { readDataFile } from "../content/data-files.ts";
import { sortIssues, type ContentIssue } from "../content/issues.ts";
import { MAX_DOCUMENT_BYTES } from "../content/load-documents.ts";
import { loadSite } from "../content/load-site.ts";
import { checkImages } from "../images/check.ts";
import { imageRefs } from "../images/refs.ts";
import type { SiteModel } from "../model/types.ts";
import { linksSchema } from "../../../widgets/links/data.ts";
import { loadSidebarData, type SidebarData } from "../../../widgets/sidebar.tsx";
import { checkAttachments } from "./attachments.ts";
import { contentFiles } from "./content-files.ts";
import { checkContentLinks } from "./content-links.ts";
import { checkDuplicateTitles } from "./duplicates.ts";
import { checkEmptyBodies } from "./empty-body.ts";
import { checkLegacyEncoding } from "./legacy-encoding.ts";
import { checkLegacyUrls } from "./legacy-urls.ts";
import { checkLengths } from "./lengths.ts";
import { checkLinks, siteAddresses, sitePathProblem } from "./links.ts";
import { checkMediaFiles } from "./media-files.ts";
import { checkNfd } from "./nfd.ts";
import { checkPlaceholders } from "./placeholders.ts";
import { checkReferences } from "./references.ts";
import { checkVideoFiles } from "./video-files.ts";
import { decodeUtf8 } from "../content/read-text.ts";

const TEXT = /\.(md|ya?ml)$/;

export interface ValidateOptions {
  contentDir: string;
  /** Model drafts and future articles too (`npm run check`, `npm start`). */
  preview: boolean;
  /** `npm start`: what only stops publishing (an empty body) is a warning, so a draft can be previewed. */
  lenient?: boolean;
  now?: DateTime;
}

export interface Validation {
  /** Present only when there is no error. */
  model?: SiteModel;
  /** Every error and warning, sorted by file and line. */
  issues: ContentIssue[];
  /** The sidebar's data files, loaded and checked. */
  sidebar?: SidebarData;
}

/**
 * Every content check in one pass, before anything is written: schema, dates and
 * categories, URL claims and reserved slugs, links, images, legacy URLs, text
 * hygiene, the media folder's files, attachments and the sidebar's data files. `npm run check` and the build both call this,
 * so they cannot disagree.
 */
export async function validateContent(options: ValidateOptions): Promise<Validation> {
  const { contentDir } = options;
  const loaded = await loadSite({ contentDir, preview: options.preview, now: options.now });
  const { files, links } = await contentFiles(contentDir);
  const issues = [...loaded.issues, ...textChecks(contentDir, files, loaded.rawTexts), ...checkContentLinks(contentDir, links), ...(await checkMediaFiles(contentDir))];
  const model = loaded.partial;
  let sidebar: SidebarData | undefined;
  if (model) {
    // A reference to a symbolic link is not "missing": the media check refuses the link itself.
    const fileSet = new Set([...files, ...links]);
    const urls = siteAddresses(model);
    const references = checkReferences(model, fileSet);
    const images = imageRefs(model).filter((ref) => !references.reported.has(`${ref.file}\0${ref.src}`));
    const videos = await checkVideoFiles(contentDir, fileSet);
    const sidebarData = await loadSidebarData(contentDir, model.articles, { now: options.now });
    sidebar = sidebarData.data;
    issues.push(
      ...references.issues,
      ...checkLinks(model, fileSet, urls),
      ...checkLegacyUrls(model.articles, urls),
      ...checkEmptyBodies(model, options.lenient ? "warning" : "error"),
      ...checkDuplicateTitles(model.articles),
      ...checkLengths([...model.articles, ...model.pages]),
      ...videos.issues,
      ...(await checkImages([...images, ...videos.posters], contentDir)),
      ...(await checkAttachments(model)),
      ...sidebarData.issues,
      ...(await checkDataLinks(contentDir, model.menu, loaded.menuLineOf, urls, fileSet)),
    );
  }
  const sorted = sortIssues(dedupe(issues));
  const ok = loaded.model && !sorted.some((i) => i.severity === "error");
  return { model: ok ? loaded.model : undefined, issues: sorted, sidebar: ok ? sidebar : undefined };
}

/** The same problem can reach two checks (a data file read by the loader and by the sidebar). */
function dedupe(issues: ContentIssue[]): ContentIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.file}\0${i.line}\0${i.field}\0${i.message}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

/** Paths on this site in menu.yaml and links.yaml that no page answers: every page would carry a dead link. */
async function checkDataLinks(
  contentDir: string,
  menu: readonly { url: string }[],
  menuLineOf: ((path: readonly PropertyKey[]) => number) | undefined,
  urls: ReadonlySet<string>,
  files: ReadonlySet<string>,
): Promise<ContentIssue[]> {
  const sources: { name: string; entries: { url: string }[]; lineOf: (path: readonly PropertyKey[]) => number }[] = [];
  if (menuLineOf) sources.push({ name: "menu.yaml", entries: [...menu], lineOf: menuLineOf });
  const links = await readDataFile(contentDir, "links.yaml", linksSchema);
  if (links.status === "ok") sources.push({ name: "links.yaml", entries: links.value.filter((l) => !l.external), lineOf: links.lineOf });
  return sources.flatMap(({ name, entries, lineOf }) =>
    entries.flatMap((entry, i) => {
      const problem = entry.url.startsWith("/") ? sitePathProblem(entry.url, urls, files) : null;
      const file = relative(process.cwd(), join(contentDir, "_data", name));
      return problem ? [{ file, line: lineOf([i, "url"]), field: "url", message: problem, severity: "warning" as const }] : [];
    }),
  );
}

/**
 * Raw (un-normalised) UTF-8 text of the Markdown and YAML files, keyed by display path: the loader's
 * copy where it has one, otherwise read here. Files that are not UTF-8 are the loader's to report.
 */
function rawTexts(contentDir: string, files: string[], known: ReadonlyMap<string, string> = new Map()): Map<string, string> {
  const texts = new Map<string, string>();
  for (const file of files.filter((f) => TEXT.test(f))) {
    const path = join(contentDir, file);
    const display = relative(process.cwd(), path);
    const loaded = known.get(display);
    if (loaded !== undefined) {
      texts.set(display, loaded);
      continue;
    }
    // Synchronous: thousands of small files, one after another, beat thousands of awaited reads.
    const decoded = decodeUtf8(readFileSync(path));
    // Not UTF-8: the loader already reports it.
    if ("text" in decoded) texts.set(display, decoded.text.replace(/\r\n?/g, "\n"));
  }
  return texts;
}

/** NFD, legacy encodings and stand-ins, on the raw text of every Markdown and YAML file. */
function textChecks(contentDir: string, files: string[], loaded: ReadonlyMap<string, string>): ContentIssue[] {
  const issues: ContentIssue[] = [];
  for (const [file, text] of rawTexts(contentDir, files, loaded)) {
    if (text.length > MAX_DOCUMENT_BYTES) continue; // the loader reports it
    issues.push(...checkNfd(text, file), ...checkLegacyEncoding(text, file));
    if (file.endsWith(".md")) issues.push(...checkPlaceholders(text, file));
  }
  return issues;
}

/** Rewrites decomposed (NFD) Markdown and YAML files in NFC; returns the files changed. */
export async function fixNfd(contentDir: string): Promise<string[]> {
  const fixed: string[] = [];
  for (const [file, text] of rawTexts(contentDir, (await contentFiles(contentDir)).files)) {
    if (text === text.normalize("NFC")) continue;
    await writeFile(file, text.normalize("NFC"));
    fixed.push(file);
  }
  return fixed;
}
