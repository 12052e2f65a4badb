import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { syntheticPhoto, type SyntheticPhotoOptions } from "../../scripts/tools/fixtures/synthetic-photo.ts";

/** A throwaway site: content/media for sources, _site for output, .cache/images for the cache. */
export interface TempSite {
  root: string;
  contentDir: string;
  outputDir: string;
  cacheDir: string;
  /** Writes bytes to content/media/<rel> and returns its site URL. */
  addMedia(rel: string, bytes: Buffer | string): Promise<string>;
  addPhoto(rel: string, options: SyntheticPhotoOptions): Promise<string>;
  remove(): Promise<void>;
}

export async function tempSite(): Promise<TempSite> {
  const root = await mkdtemp(path.join(tmpdir(), "images-test-"));
  const contentDir = path.join(root, "content");
  const addMedia = async (rel: string, bytes: Buffer | string) => {
    const file = path.join(contentDir, "media", rel);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, bytes);
    return `/media/${rel}`;
  };
  return {
    root,
    contentDir,
    outputDir: path.join(root, "_site"),
    cacheDir: path.join(root, ".cache", "images"),
    addMedia,
    addPhoto: async (rel, options) => addMedia(rel, await syntheticPhoto(options)),
    remove: () => rm(root, { recursive: true, force: true }),
  };
}

/** Every file under a folder, as paths relative to it. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name))).sort();
}

/** A writable stream stand-in that records what progress prints. */
export function captureStream(isTTY: boolean): { isTTY: boolean; text: string; write(s: string): boolean } {
  return {
    isTTY,
    text: "",
    write(s: string) {
      this.text += s;
      return true;
    },
  };
}
