import { createHash, randomBytes } from "node:crypto";
import { mkdtemp, readdir, readFile, rm, truncate, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writePagefindIndex } from "../../scripts/build/search/build-index.ts";
import { bundleSearchClient } from "../../scripts/build/search/bundle-client.ts";
import { recompressWasm } from "../../scripts/build/search/recompress.ts";
import { FIXTURE_DOCS } from "./fixture/articles.ts";

/** The files a search can fetch from a bundle (fragments, chunks, metadata, wasm): name → bytes. */
async function files(pagefindDir: string): Promise<Map<string, Buffer>> {
  const found = new Map<string, Buffer>();
  for (const entry of await readdir(pagefindDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.(pf_\w+|pagefind)$/.test(entry.name)) continue;
    const file = path.join(entry.parentPath, entry.name);
    found.set(path.relative(pagefindDir, file), await readFile(file));
  }
  return found;
}

const inflate = (bytes: Buffer) => gunzipSync(bytes).toString("latin1");

describe("the Pagefind bundle a reader downloads from", () => {
  let work: string;
  const bundles: Record<"stock" | "ours" | "again" | "edited", Map<string, Buffer>> = {} as never;
  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), "search-bundle-"));
    const docs = FIXTURE_DOCS.slice(0, 40);
    const edited = docs.map((doc, i) => (i === 7 ? { ...doc, html: `${doc.html}<p>Đính chính: thêm một câu.</p>` } : doc));
    const build = async (name: keyof typeof bundles, input = docs, stock = false) => {
      const dir = path.join(work, name, "pagefind");
      await writePagefindIndex(input, dir, { stock });
      bundles[name] = await files(dir);
    };
    await build("stock", docs, true);
    await build("ours");
    await build("again");
    await build("edited", edited);
  }, 120_000);
  afterAll(() => rm(work, { recursive: true, force: true }));

  const named = (bundle: Map<string, Buffer>, test: RegExp) => [...bundle.keys()].filter((name) => test.test(name));

  it("names fragments and chunks by number behind one tag, listed in a smaller metadata file", () => {
    const stockMeta = bundles.stock.get(named(bundles.stock, /\.pf_meta$/)[0]!)!;
    const [metaName] = named(bundles.ours, /\.pf_meta$/);
    const meta = bundles.ours.get(metaName!)!;
    const shortNames = named(bundles.ours, /^(fragment|index|filter)\//).map((name) => path.basename(name).replace(/\.pf_\w+$/, ""));
    expect(shortNames.length).toBe(named(bundles.stock, /^(fragment|index|filter)\//).length);
    const tag = shortNames[0]!.split("_")[0];
    for (const name of shortNames) {
      expect(name).toMatch(/^[0-9a-f]{8}_[0-9a-z]{1,3}$/);
      expect(name.startsWith(`${tag}_`)).toBe(true);
      // The metadata lists each file by that name (a CBOR text: length byte, then the name).
      expect(inflate(meta)).toContain(String.fromCharCode(0x60 + name.length) + name);
    }
    expect(inflate(meta)).not.toMatch(/vi_[0-9a-f]{7}/);
    expect(meta.length).toBeLessThan(stockMeta.length);
  });

  it("gives a file's name to the same content only: an unchanged rebuild keeps every name, an edit renames them all", () => {
    expect([...bundles.again.keys()].sort()).toEqual([...bundles.ours.keys()].sort());
    for (const [name, bytes] of bundles.again) expect(bytes.equals(bundles.ours.get(name)!), name).toBe(true);
    // Forever-cached names: after an edit, none of the old names may serve new content.
    const reused = named(bundles.edited, /^(fragment|index|filter)\//).filter((name) => bundles.ours.has(name));
    expect(reused).toEqual([]);
  });

  it("ships Pagefind's wasm smaller, and the same once inflated", () => {
    const [wasm] = named(bundles.stock, /^wasm\..+\.pagefind$/);
    const stockWasm = bundles.stock.get(wasm!)!;
    const ourWasm = bundles.ours.get(wasm!)!;
    expect(ourWasm.length).toBeLessThan(stockWasm.length);
    expect(gunzipSync(ourWasm).equals(gunzipSync(stockWasm))).toBe(true);
  });

  it("bundles Pagefind's browser API into the search client, loadable as a classic script", async () => {
    const script = await bundleSearchClient();
    expect(script).toContain("pagefind_dcd");
    expect(script).not.toContain("import.meta");
    expect(script).not.toMatch(/\bimport\s*\(|^import\s|\bexport\s*\{/m);
  });
});

describe("the recompressed wasm's cache", () => {
  it("makes a damaged cached copy again instead of publishing it", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "wasm-cache-"));
    // Compressible but unique to this run, so the cache starts without it.
    const wasm = Buffer.concat([randomBytes(64), Buffer.alloc(20_000, "pagefind")]);
    const original = gzipSync(wasm, { level: 1 });
    const file = path.join(dir, "wasm.test.pagefind");
    const cached = path.resolve(".cache/pagefind-wasm", `${createHash("sha256").update(original).digest("hex").slice(0, 16)}.pagefind`);
    try {
      await writeFile(file, original);
      await recompressWasm(dir);
      expect(gunzipSync(await readFile(file)).equals(wasm)).toBe(true);
      // A cache restored half-written (a full disk, an interrupted upload).
      await truncate(cached, 40);
      await writeFile(file, original);
      await recompressWasm(dir);
      expect(gunzipSync(await readFile(file)).equals(wasm)).toBe(true);
      expect(gunzipSync(await readFile(cached)).equals(wasm)).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
      await rm(cached, { force: true });
    }
  });
});
