import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { realpathSync } from "node:fs";
import { chmod, link, mkdir, mkdtemp, readdir, readFile, rename, rm, stat, unlink, writeFile } from "node:fs/promises";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

/**
 * A production build writes into a fresh folder beside the site folder (same file system, so the
 * swap is a rename) and swaps it in only when every stage succeeded. A build that fails, or is
 * killed, leaves the previous site as it was. One build at a time per site folder: the next one
 * waits on a lock file that names its holder's PID; a lock whose holder is gone is taken over.
 */
export interface StagedOutput {
  /** Where this build writes. */
  dir: string;
  /** Swaps the finished build in as the site folder and releases the lock. */
  commit(): Promise<void>;
  /** Throws the unfinished build away and releases the lock; the site folder is untouched. */
  discard(): Promise<void>;
}

interface LockOwner {
  pid: number;
  host: string;
}

export interface StageOptions {
  /** Told once when another build holds the lock and this one waits. */
  onWait?: (owner: LockOwner) => void;
  /** Told when a lock left by a killed build is taken over. */
  onStale?: (owner: LockOwner) => void;
}

const POLL_MS = 200;

/** A folder's real path (through links); for one not made yet, its parent's real path and its name. */
function real(dir: string): string {
  const full = resolve(dir);
  try {
    return realpathSync(full);
  } catch {
    return dirname(full) === full ? full : join(real(dirname(full)), basename(full));
  }
}

/** `inner` is a folder under `outer` (not `outer` itself). */
function under(inner: string, outer: string): boolean {
  const rel = relative(outer, inner);
  return rel !== "" && rel !== ".." && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

/**
 * Why `siteDir` cannot be the site folder, or undefined. A build replaces that folder whole and
 * deletes what was there, so it must not be or hold the content folder or the repository
 * (OUTPUT_DIR=content or OUTPUT_DIR=. would delete every article), nor sit inside the content folder.
 */
export function siteDirProblem(siteDir: string, contentDir: string, repository: string): string | undefined {
  const site = real(siteDir);
  const fix = "đặt OUTPUT_DIR là một thư mục riêng cho trang, ví dụ OUTPUT_DIR=_site";
  for (const [what, dir] of [["thư mục nội dung", contentDir], ["kho mã của trang", repository]] as const) {
    const kept = real(dir);
    if (site === kept || under(kept, site)) {
      const how = site === kept ? `là ${what}` : `chứa ${what} ${kept}`;
      return `OUTPUT_DIR=${siteDir} ${how}: bản dựng thay cả thư mục trang bằng bản mới, nên sẽ xóa mất nó — ${fix}`;
    }
  }
  if (under(site, real(contentDir))) return `OUTPUT_DIR=${siteDir} nằm trong thư mục nội dung: trang đã dựng sẽ lẫn vào nội dung — ${fix}`;
  return undefined;
}

/** Names beside the site folder: `.<name>.lock`, `.<name>.build-<pid>-…`, `.<name>.old-<pid>-…`. */
function names(siteDir: string) {
  const parent = dirname(siteDir);
  const name = basename(siteDir);
  return {
    parent,
    lock: join(parent, `.${name}.lock`),
    staging: join(parent, `.${name}.build-${process.pid}-`),
    old: () => join(parent, `.${name}.old-${process.pid}-${randomBytes(4).toString("hex")}`),
    leftover: new RegExp(`^\\.${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\.(build|old)-(\\d+)-`),
  };
}

function alive(owner: LockOwner): boolean {
  if (owner.host !== hostname()) return true; // another machine's build: cannot tell, so wait
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function readOwner(lock: string): Promise<LockOwner | undefined> {
  try {
    const owner = JSON.parse(await readFile(lock, "utf8")) as LockOwner;
    return Number.isInteger(owner.pid) && typeof owner.host === "string" ? owner : { pid: -1, host: hostname() };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    return { pid: -1, host: hostname() }; // unreadable: nobody can own it
  }
}

/** The lock file appears whole or not at all: written aside, then hard-linked into place (fails if it exists). */
async function tryLock(lock: string): Promise<boolean> {
  const mine = `${lock}.${process.pid}.${randomBytes(4).toString("hex")}`;
  await writeFile(mine, JSON.stringify({ pid: process.pid, host: hostname() } satisfies LockOwner));
  try {
    await link(mine, lock);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  } finally {
    await unlink(mine).catch(() => {});
  }
}

async function acquire(lock: string, options: StageOptions): Promise<void> {
  let told = false;
  for (;;) {
    if (await tryLock(lock)) return;
    const owner = await readOwner(lock);
    if (!owner) continue;
    if (!alive(owner)) {
      // Moved aside before removal, so of two builds that both saw the stale lock only one removes it.
      const aside = `${lock}.stale-${process.pid}`;
      if (await rename(lock, aside).then(() => true, () => false)) {
        const moved = await readOwner(aside);
        await unlink(aside).catch(() => {});
        if (moved && moved.pid === owner.pid) options.onStale?.(owner);
        // A live lock moved by mistake (it changed hands in between): its holder still swaps safely,
        // since every build has a folder of its own and the swap is a rename.
      }
      continue;
    }
    if (!told) options.onWait?.(owner);
    told = true;
    await sleep(POLL_MS);
  }
}

/** Folders left by killed builds: a half-swapped site is put back, half-written builds are removed. */
async function recover(siteDir: string): Promise<void> {
  const { parent, leftover } = names(siteDir);
  let siteExists = await stat(siteDir).then(() => true, () => false);
  for (const entry of await readdir(parent).catch(() => [] as string[])) {
    const match = leftover.exec(entry);
    if (!match || alive({ pid: Number(match[2]), host: hostname() })) continue;
    const path = join(parent, entry);
    if (match[1] === "old" && !siteExists) {
      await rename(path, siteDir);
      siteExists = true;
    } else await rm(path, { recursive: true, force: true });
  }
}

/** Renames `staging` to `siteDir`, moving the previous site aside first and deleting it after. */
async function swap(staging: string, siteDir: string, old: () => string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const aside = old();
    const moved = await rename(siteDir, aside).then(
      () => true,
      (error: NodeJS.ErrnoException) => {
        if (error.code === "ENOENT") return false;
        throw error;
      },
    );
    try {
      await rename(staging, siteDir);
    } catch (error) {
      // Only a site folder put back in between (a build that took over a lock by mistake) gets here.
      if (attempt < 3 && ["ENOTEMPTY", "EEXIST"].includes((error as NodeJS.ErrnoException).code ?? "")) continue;
      if (moved) await rename(aside, siteDir).catch(() => {});
      throw error;
    } finally {
      if (moved) await rm(aside, { recursive: true, force: true }).catch(() => {});
    }
    return;
  }
}

export async function stageOutput(siteDir: string, options: StageOptions = {}): Promise<StagedOutput> {
  const n = names(siteDir);
  // OUTPUT_DIR=/tmp/new/_site: the lock and the staging folder sit beside the site folder, so its parent must exist.
  await mkdir(dirname(n.lock), { recursive: true });
  await acquire(n.lock, options);
  let dir: string | undefined;
  let released = false;
  const release = async () => {
    if (released) return;
    released = true;
    process.off("SIGINT", interrupted).off("SIGTERM", interrupted);
    const owner = await readOwner(n.lock);
    if (owner?.pid === process.pid) await unlink(n.lock).catch(() => {});
  };
  // Ctrl+C or a stopped CI job: clean up now what a kill -9 leaves for the next build to clean.
  function interrupted(signal: NodeJS.Signals) {
    void (dir ? rm(dir, { recursive: true, force: true }) : Promise.resolve())
      .then(release)
      .finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  }
  process.once("SIGINT", interrupted).once("SIGTERM", interrupted);
  try {
    await recover(siteDir);
    dir = await mkdtemp(n.staging);
    // mkdtemp makes it private (0700); a site folder is readable like any other folder.
    await chmod(dir, 0o777 & ~process.umask());
  } catch (error) {
    await release();
    throw error;
  }
  const staging = dir;
  return {
    dir: staging,
    async commit() {
      try {
        await swap(staging, siteDir, n.old);
      } finally {
        await release();
      }
    },
    async discard() {
      try {
        await rm(staging, { recursive: true, force: true });
      } finally {
        await release();
      }
    },
  };
}
