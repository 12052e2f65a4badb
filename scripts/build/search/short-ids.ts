import { createHash } from "node:crypto";
import { readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { zopfliGzip } from "./recompress.ts";

/** Pagefind's compressed files: gzip of this signature followed by the payload. */
const SIGNATURE = "pagefind_dcd";

interface Entry {
  languages: Record<string, { hash: string }>;
}

/** Reads CBOR item heads (RFC 8949): major type and argument. Only what the metadata's page list needs. */
class Cbor {
  constructor(
    readonly bytes: Buffer,
    public at = 0,
  ) {}

  head(major: number, what: string): number {
    const first = this.bytes[this.at++]!;
    if (first >> 5 !== major) throw new Error(`Search index: the Pagefind metadata has no ${what} at byte ${this.at - 1} (Pagefind's format changed?)`);
    const info = first & 31;
    if (info < 24) return info;
    const size = { 24: 1, 25: 2, 26: 4 }[info];
    if (!size) throw new Error(`Search index: unexpected CBOR length ${info} for ${what} in the Pagefind metadata`);
    const value = this.bytes.readUIntBE(this.at, size);
    this.at += size;
    return value;
  }

  text(what: string): string {
    const length = this.head(3, what);
    const text = this.bytes.toString("utf8", this.at, this.at + length);
    this.at += length;
    return text;
  }
}

function cborText(text: string): Buffer {
  const bytes = Buffer.from(text, "utf8");
  if (bytes.length >= 24) throw new Error(`Search index: id ${text} is too long`);
  return Buffer.concat([Buffer.from([0x60 + bytes.length]), bytes]);
}

/** The metadata's lists of named files, in order: what each entry holds, and where its files are. */
const LISTS = [
  // [fragment id, word count, fragment group]: a group (pagefind --max-fragments) names a shared file; never asked for.
  { what: "page", folder: "fragment", ext: "pf_fragment", fields: ["id", "uint", "empty"] },
  // [first word, last word, id]
  { what: "index chunk", folder: "index", ext: "pf_index", fields: ["text", "text", "id"] },
  // [filter name, id]
  { what: "filter", folder: "filter", ext: "pf_filter", fields: ["text", "id"] },
] as const;

/**
 * Give every fragment, index chunk and filter chunk of a Pagefind bundle a short name, in place.
 *
 * Every search first loads the metadata: every page's fragment name and word count, and every
 * chunk's name and word range. Pagefind names these files by a 7-hex-digit content hash, and
 * random digits do not compress: at 4,000 pages they are two thirds of the metadata (≈22 of
 * 33 KB gzipped). Here they are numbered instead (base 36, in the metadata's order) behind a tag
 * hashed from the original metadata, which lists every file's content hash: any change gives a
 * new tag, so the files stay safe to cache forever. Pagefind's chunks refer to pages by position,
 * never by name, so only the metadata and the file names change.
 */
export async function shortenPageIds(pagefindDir: string): Promise<void> {
  const entryFile = path.join(pagefindDir, "pagefind-entry.json");
  const entry = JSON.parse(await readFile(entryFile, "utf8")) as Entry;
  for (const [language, index] of Object.entries(entry.languages)) {
    const metaFile = path.join(pagefindDir, `pagefind.${index.hash}.pf_meta`);
    const compressed = await readFile(metaFile);
    const meta = gunzipSync(compressed);
    if (meta.toString("utf8", 0, SIGNATURE.length) !== SIGNATURE) throw new Error(`Search index: ${metaFile} is not Pagefind metadata`);
    const tag = createHash("sha256").update(compressed).digest("hex").slice(0, 8);
    const cbor = new Cbor(meta, SIGNATURE.length);
    cbor.head(4, "top-level list");
    cbor.text("version");
    const parts: Buffer[] = [];
    let copied = 0;
    const renames: [string, string][] = [];
    for (const list of LISTS) {
      const count = cbor.head(4, `${list.what} list`);
      for (let i = 0; i < count; i++) {
        if (cbor.head(4, list.what) !== list.fields.length) throw new Error(`Search index: unexpected ${list.what} entry in the Pagefind metadata`);
        for (const field of list.fields) {
          if (field === "uint") cbor.head(0, `${list.what} number`);
          else if (field === "text") cbor.text(`${list.what} text`);
          else if (field === "empty") {
            if (cbor.text("fragment group") !== "") throw new Error("Search index: fragment groups are not supported");
          } else {
            const start = cbor.at;
            const name = cbor.text(`${list.what} name`);
            const short = `${tag}_${i.toString(36)}`;
            parts.push(meta.subarray(copied, start), cborText(short));
            copied = cbor.at;
            const dir = path.join(pagefindDir, list.folder);
            renames.push([path.join(dir, `${name}.${list.ext}`), path.join(dir, `${short}.${list.ext}`)]);
          }
        }
      }
    }
    parts.push(meta.subarray(copied));
    await Promise.all(renames.map(([from, to]) => rename(from, to)));
    const rewritten = await zopfliGzip(Buffer.concat(parts));
    const hash = `${language}_${createHash("sha256").update(rewritten).digest("hex").slice(0, 10)}`;
    await writeFile(path.join(pagefindDir, `pagefind.${hash}.pf_meta`), rewritten);
    await rm(metaFile);
    index.hash = hash;
  }
  await writeFile(entryFile, JSON.stringify(entry));
}
