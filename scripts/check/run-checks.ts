import { readFileSync } from "node:fs";
import { readdir, writeFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import type { ContentIssue } from "../content/issues.ts";
import type { SiteModel } from "../model/types.ts";
import { checkImages } from "../images/check.ts";
import { imageRefs } from "../images/refs.ts";
import { checkAttachments } from "./attachments.ts";
import { checkDuplicateTitles } from "./duplicates.ts";
import { lineLocator } from "./field-line.ts";
import { checkLegacyEncoding } from "./legacy-encoding.ts";
import { checkLengths } from "./lengths.ts";
import { checkLinks } from "./links.ts";
import { checkMediaFiles } from "./media-files.ts";
import { checkNfd } from "./nfd.ts";
import { checkPlaceholders } from "./placeholders.ts";

const TEXT = /\.(md|ya?ml)$/;
const decoder = new TextDecoder("utf-8", { fatal: true });

/** Every file under the content folder, relative to it with "/" separators. */
async function contentFiles(contentDir: string): Promise<string[]> {
  const entries = await readdir(contentDir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(contentDir, join(e.parentPath, e.name)).split(sep).join("/"));
}

/**
 * Raw (un-normalised) UTF-8 text of the Markdown and YAML files, keyed by display path: the loader's
 * copy where it has one, otherwise read here. Files that are not UTF-8 are the loader's to report.
 */
async function rawTexts(contentDir: string, files: string[], known: Map<string, string> = new Map()): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  for (const file of files.filter((f) => TEXT.test(f))) {
    const path = join(contentDir, file);
    const display = relative(process.cwd(), path);
    const loaded = known.get(display);
    if (loaded !== undefined) {
      texts.set(display, loaded);
      continue;
    }
    try {
      // Synchronous: thousands of small files, one after another, beat thousands of awaited reads.
      texts.set(display, decoder.decode(readFileSync(path)).replace(/\r\n?/g, "\n"));
    } catch {
      // Not UTF-8: the loader already reports it.
    }
  }
  return texts;
}

/** The editors' checks that go beyond the schema: run after loading, with the model when there is one. */
export async function editorialChecks(
  contentDir: string,
  model: SiteModel | undefined,
  loadedTexts?: Map<string, string>,
): Promise<ContentIssue[]> {
  const files = await contentFiles(contentDir);
  const texts = await rawTexts(contentDir, files, loadedTexts);
  const issues: ContentIssue[] = await checkMediaFiles(contentDir);
  for (const [file, text] of texts) {
    issues.push(...checkNfd(text, file), ...checkLegacyEncoding(text, file));
    if (file.endsWith(".md")) issues.push(...checkPlaceholders(text, file));
  }
  if (model) {
    const lineOf = lineLocator(texts);
    issues.push(
      ...checkLinks(model, new Set(files)),
      ...checkDuplicateTitles(model.articles, lineOf),
      ...checkLengths([...model.articles, ...model.pages], lineOf),
      ...(await checkImages(imageRefs(model, lineOf), contentDir)),
      ...(await checkAttachments(model)),
    );
  }
  return issues;
}

/** Rewrites decomposed (NFD) Markdown and YAML files in NFC; returns the files changed. */
export async function fixNfd(contentDir: string): Promise<string[]> {
  const fixed: string[] = [];
  for (const [file, text] of await rawTexts(contentDir, await contentFiles(contentDir))) {
    if (text === text.normalize("NFC")) continue;
    await writeFile(file, text.normalize("NFC"));
    fixed.push(file);
  }
  return fixed;
}
