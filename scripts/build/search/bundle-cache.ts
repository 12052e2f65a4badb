import { createHash, randomUUID } from "node:crypto";
import { copyFile, link, mkdir, readdir, readFile, rename, rm, stat, utimes } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { listFiles } from "../list-files.ts";
import { mapLimit } from "../map-limit.ts";
import type { SearchDocument } from "./index-html.ts";

const CACHE_DIR = ".cache/search";
/** Bundles kept: the site's last ones (a build, a preview of a branch); older ones are removed. */
const KEEP = 4;
const BUILD_CODE = fileURLToPath(new URL("..", import.meta.url));

/**
 * A finished search bundle (pagefind/ with our vocabulary and newest-first order), kept in
 * .cache/search/<key>/ for the next build, which CI and Netlify keep. The key is everything the
 * bundle is made from: every document as indexed (attachments' text included), the build's own
 * code (scripts/build/), the installed packages (package-lock.json, so Pagefind's binary too) and
 * the index chunk size. A build whose articles and pages did not change (a layout, the CSS, a
 * sidebar box) copies the bundle instead of running Pagefind again; any change to what is indexed
 * makes a new one, so a deleted article cannot linger.
 */
export async function searchBundleKey(docs: SearchDocument[]): Promise<string | undefined> {
  // Without the lockfile a new Pagefind could not be told from the old one: no bundle is kept.
  const lockfile = await readFile("package-lock.json").catch(() => undefined);
  if (!lockfile) return undefined;
  const hash = createHash("sha256");
  hash.update(`chunk ${process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE ?? ""}\n`);
  hash.update(lockfile);
  for (const file of await listFiles(BUILD_CODE, [".ts"])) hash.update(file).update(await readFile(path.join(BUILD_CODE, file)));
  for (const doc of docs) hash.update(JSON.stringify(doc)).update("\n");
  return hash.digest("hex").slice(0, 32);
}

/**
 * `from`'s files at the same paths under `to`, as hard links where both are on one file system (a
 * finished bundle is never written in place: builds write a fresh folder and rename it), else copies.
 * fs.cp took 4 s for the 4,200 files of a 4,000-article bundle here; links take 0.2 s.
 */
async function linkTree(from: string, to: string): Promise<void> {
  const files = await listFiles(from);
  for (const dir of new Set(files.map((file) => path.dirname(path.join(to, file))))) await mkdir(dir, { recursive: true });
  await mapLimit(
    files,
    (file) =>
      link(path.join(from, file), path.join(to, file)).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== "EXDEV" && error.code !== "EPERM") throw error;
        return copyFile(path.join(from, file), path.join(to, file));
      }),
    32,
  );
}

/** Put the bundle kept under `key` in `fresh`; false when there is none (or it went while copying). */
export async function restoreSearchBundle(key: string, fresh: string, cacheDir = CACHE_DIR): Promise<boolean> {
  const kept = path.join(cacheDir, key);
  try {
    // Newest first: pruning by another build spares it.
    const now = new Date();
    await utimes(kept, now, now);
    await linkTree(kept, fresh);
    return true;
  } catch {
    await rm(fresh, { recursive: true, force: true });
    return false;
  }
}

/** Keep a finished bundle under `key` (written aside, then renamed: a reader never sees half of it). */
export async function keepSearchBundle(key: string, pagefindDir: string, cacheDir = CACHE_DIR): Promise<void> {
  await mkdir(cacheDir, { recursive: true });
  const aside = path.join(cacheDir, `.${key}-${process.pid}-${Date.now()}`);
  try {
    await linkTree(pagefindDir, aside);
    // Another build of the same content may have kept it first: either copy is the same bundle.
    await rename(aside, path.join(cacheDir, key)).catch(() => {});
  } finally {
    await rm(aside, { recursive: true, force: true });
  }
  const entries = await Promise.all(
    (await readdir(cacheDir)).map(async (name) => ({ name, mtime: await stat(path.join(cacheDir, name)).then((s) => s.mtimeMs, () => 0) })),
  );
  const bundles = entries.filter(({ name }) => !name.startsWith(".")).sort((a, b) => b.mtime - a.mtime);
  // Renamed away first, so that a build restoring it meets a missing file, never a partial listing.
  const removed = bundles.slice(KEEP).map(({ name }) => {
    const trash = path.join(cacheDir, `.trash-${randomUUID()}`);
    return rename(path.join(cacheDir, name), trash).then(() => rm(trash, { recursive: true, force: true }), () => {});
  });
  // What a build killed mid-way left aside, an hour on.
  const abandoned = entries.filter(({ name, mtime }) => name.startsWith(".") && mtime < Date.now() - 3_600_000);
  await Promise.all([...removed, ...abandoned.map(({ name }) => rm(path.join(cacheDir, name), { recursive: true, force: true }))]);
}
