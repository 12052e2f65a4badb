import { createHash, randomBytes } from "node:crypto";
import { mkdir, mkdtemp, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import type { EncodeJob, EncodedFile } from "./encode.ts";

/** Encoded files of one job, kept in `<cacheDir>/entries/<key>/`. */
export interface CacheEntry {
  key: string;
  dir: string;
  files: EncodedFile[];
}

/** What the manifest records of each file, so that what is read back can be checked. */
type CachedFile = EncodedFile & { sha256: string };

const MANIFEST = "manifest.json";
/** Names the encoders write: never a path, so a doctored manifest cannot point outside its entry. */
const FILE_NAME = /^[a-z0-9]+\.(?:avif|webp|jpg|png)$/;

function entryDir(cacheDir: string, key: string): string {
  return path.join(cacheDir, "entries", key);
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** Files already hashed in this process, by path, size and modification time: a change in any re-hashes. */
const hashed = new Map<string, string>();

async function intact(file: string, expected: CachedFile): Promise<boolean> {
  const info = await stat(file).catch(() => null);
  if (!info?.isFile() || info.size !== expected.bytes) return false;
  const seen = `${file}\0${info.size}\0${info.mtimeMs}`;
  if (hashed.get(seen) === expected.sha256) return true;
  const digest = sha256(await readFile(file));
  if (digest !== expected.sha256) return false;
  hashed.set(seen, digest);
  return true;
}

function parseManifest(text: string): CachedFile[] | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!Array.isArray(data) || data.length === 0) return undefined;
  const ok = data.every(
    (f: Partial<CachedFile>) =>
      typeof f === "object" && f !== null &&
      typeof f.name === "string" && FILE_NAME.test(f.name) &&
      ["avif", "webp", "jpeg", "png"].includes(f.format as string) &&
      [f.width, f.height, f.bytes].every((n) => Number.isInteger(n) && (n as number) > 0) &&
      typeof f.sha256 === "string" && /^[0-9a-f]{64}$/.test(f.sha256),
  );
  return ok ? (data as CachedFile[]) : undefined;
}

/**
 * The entry for `key` if every file it lists is there, whole and unchanged (size and sha256 as
 * recorded); otherwise null, and the caller encodes again. A truncated file, a damaged or
 * truncated manifest, or a missing file is thus rebuilt instead of published or crashing the build.
 */
export async function readEntry(cacheDir: string, key: string): Promise<CacheEntry | null> {
  const dir = entryDir(cacheDir, key);
  const text = await readFile(path.join(dir, MANIFEST), "utf8").catch(() => null);
  const files = text === null ? undefined : parseManifest(text);
  if (!files) return null;
  const checks = await Promise.all(files.map((f) => intact(path.join(dir, f.name), f)));
  return checks.every(Boolean) ? { key, dir, files } : null;
}

/**
 * Runs the job into a temporary folder and moves it into place, so a crash never leaves half an
 * entry. A bad entry already in place (see readEntry) is moved aside and replaced.
 */
export async function fillEntry(cacheDir: string, job: EncodeJob): Promise<CacheEntry> {
  const dir = entryDir(cacheDir, job.key);
  await mkdir(path.dirname(dir), { recursive: true });
  const tmp = await mkdtemp(`${dir}.tmp-`);
  try {
    const encoded = await job.encode(tmp);
    const files: CachedFile[] = await Promise.all(encoded.map(async (f) => ({ ...f, sha256: sha256(await readFile(path.join(tmp, f.name))) })));
    await writeFile(path.join(tmp, MANIFEST), JSON.stringify(files));
    for (let attempt = 0; ; attempt++) {
      try {
        await rename(tmp, dir);
        return { key: job.key, dir, files };
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code !== "ENOTEMPTY" && code !== "EEXIST") throw error;
      }
      // Another build may have filled the same entry meanwhile: its files are identical.
      const existing = await readEntry(cacheDir, job.key);
      if (existing) return existing;
      if (attempt === 2) throw new Error(`image cache entry ${dir} could not be replaced`);
      const aside = `${dir}.bad-${randomBytes(4).toString("hex")}`;
      await rename(dir, aside).then(() => rm(aside, { recursive: true, force: true }), () => {});
    }
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
