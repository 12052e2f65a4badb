import { createHash } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Article, Page } from "../model/types.ts";
import type { Attachment, SearchDocument } from "./index-html.ts";
import { mapLimit } from "../map-limit.ts";

/** Linked files whose text is indexed with the article. */
const EXTRACTABLE = /\.(pdf|docx)$/i;
const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i;
/** Bump when extraction changes, so cached texts are made again. */
const CACHE_VERSION = 1;
const CACHE_DIR = ".cache/attachments";

export interface LinkedFile {
  /** File name as readers see it. */
  name: string;
  path: string;
  /** Line of the link in the source file. */
  line: number;
}

function safeDecode(target: string): string {
  try {
    return decodeURI(target);
  } catch {
    return target;
  }
}

/**
 * The PDF and DOCX files under content/media/ that a document's body links to, once each.
 * Missing files are the link check's to report.
 */
export function linkedFiles(doc: Pick<Article | Page, "sourcePath" | "references">, contentDir: string): LinkedFile[] {
  const media = path.join(path.resolve(contentDir), "media") + path.sep;
  const files = new Map<string, LinkedFile>();
  for (const ref of doc.references) {
    if (ref.kind !== "link" || EXTERNAL.test(ref.target)) continue;
    const target = safeDecode(ref.target.replace(/[?#].*$/, ""));
    if (!EXTRACTABLE.test(target)) continue;
    const file = target.startsWith("/")
      ? path.join(path.resolve(contentDir), ...target.split("/").filter(Boolean))
      : path.resolve(path.dirname(doc.sourcePath), target);
    if (file.startsWith(media) && !files.has(file)) files.set(file, { name: path.basename(file), path: file, line: ref.line });
  }
  return [...files.values()];
}

async function extract(file: string, bytes: Buffer): Promise<string> {
  if (/\.pdf$/i.test(file)) {
    const { extractText, getDocumentProxy } = await import("unpdf");
    const pdf = await getDocumentProxy(new Uint8Array(bytes));
    try {
      return (await extractText(pdf, { mergePages: true })).text;
    } finally {
      await pdf.destroy();
    }
  }
  const mammoth = await import("mammoth");
  return (await mammoth.extractRawText({ buffer: bytes })).value;
}

export type Extracted = { ok: true; text: string } | { ok: false; problem: string };

/**
 * The text of a PDF or DOCX file, NFC, whitespace collapsed; cached by content hash in
 * .cache/attachments so a build extracts each file once. A file that cannot be read or
 * parsed is reported, never thrown: it must not stop the build.
 */
export async function attachmentText(file: string): Promise<Extracted> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    return { ok: false, problem: "missing" };
  }
  const hash = createHash("sha256").update(`${CACHE_VERSION}:${path.extname(file).toLowerCase()}:`).update(bytes).digest("hex");
  const cached = path.join(CACHE_DIR, `${hash}.json`);
  try {
    return JSON.parse(await readFile(cached, "utf8")) as Extracted;
  } catch {
    // Not extracted yet.
  }
  let result: Extracted;
  try {
    result = { ok: true, text: (await extract(file, bytes)).normalize("NFC").replace(/\s+/g, " ").trim() };
  } catch (error) {
    result = { ok: false, problem: error instanceof Error ? error.message : String(error) };
  }
  await mkdir(CACHE_DIR, { recursive: true });
  await writeFile(cached, JSON.stringify(result));
  return result;
}

/** The documents with the text of their attachments filled in (files without text are left out). */
export async function withAttachmentText(docs: SearchDocument[]): Promise<SearchDocument[]> {
  // A few at a time: an imported site links thousands of files.
  return mapLimit(docs, async (doc) => {
    if (!doc.attachments?.length) return doc;
    const attachments: Attachment[] = [];
    for (const file of doc.attachments) {
      const extracted = file.text === undefined ? await attachmentText(file.path) : { ok: true as const, text: file.text };
      if (extracted.ok && extracted.text) attachments.push({ ...file, text: extracted.text });
    }
    return { ...doc, attachments };
  });
}
