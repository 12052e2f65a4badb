import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { EncodeJob, EncodedFile } from "./encode.ts";

/** Encoded files of one job, kept in `<cacheDir>/entries/<key>/`. */
export interface CacheEntry {
  key: string;
  dir: string;
  files: EncodedFile[];
}

const MANIFEST = "manifest.json";

export function entryDir(cacheDir: string, key: string): string {
  return path.join(cacheDir, "entries", key);
}

export async function readEntry(cacheDir: string, key: string): Promise<CacheEntry | null> {
  const dir = entryDir(cacheDir, key);
  const text = await readFile(path.join(dir, MANIFEST), "utf8").catch(() => null);
  return text === null ? null : { key, dir, files: JSON.parse(text) as EncodedFile[] };
}

/** Runs the job into a temporary folder and moves it into place, so a crash never leaves half an entry. */
export async function fillEntry(cacheDir: string, job: EncodeJob): Promise<CacheEntry> {
  const dir = entryDir(cacheDir, job.key);
  await mkdir(path.dirname(dir), { recursive: true });
  const tmp = await mkdtemp(`${dir}.tmp-`);
  try {
    const files = await job.encode(tmp);
    await writeFile(path.join(tmp, MANIFEST), JSON.stringify(files));
    await rename(tmp, dir).catch(async (error: NodeJS.ErrnoException) => {
      // Another build filled the same entry meanwhile: its files are identical.
      if (error.code !== "ENOTEMPTY" && error.code !== "EEXIST") throw error;
    });
    return { key: job.key, dir, files };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
