import type { VisitStore } from "./bounded-store.ts";
import { TOKEN_TTL_MS } from "./visit-token.ts";

/*
 * The visit log in Netlify Blobs. What one visit is: docs/publishing.md, "Visit counter".
 *
 * - `v/<minute>/<token id>`: one empty blob per counted page view, in the minute its
 *   token was issued, written with onlyIfNew: the token id is the key, so a token
 *   counts at most once however often or concurrently it is sent.
 * - `s/total`: `{ through, total }`, the visits of every minute up to `through`, moved
 *   on with onlyIfMatch.
 *
 * A minute is "frozen" once every token issued in it has expired, plus a grace that
 * outlasts any request (each store call gives up after a couple of seconds): nothing
 * can be written into it any more. Only frozen minutes are rolled up, each read with
 * its own prefix (a frozen minute is quiet, so its list is complete even on the local
 * Blobs server, whose list comes back short while files beside it are written).
 * Any summary written is exact for its `through`: it is the one it was read from plus
 * frozen minutes. Whether two roll-ups race or not, the worst is redone work.
 *
 * A GET lists the store (the summary and the visits not yet deleted: the last minutes)
 * and reads the summary, so its cost does not grow with the day. Visit blobs are deleted a few minutes after
 * they are rolled up, a few per request.
 */

const BUCKET_MS = 60_000;
const GRACE_MS = 60_000;
const RECENT_MS = 5 * 60_000;
/** Rolled-up minutes kept a while for the "recent" figure (and so no roll-up racing a newer one misses them). */
const KEEP_MINUTES = 6;
const DELETES_PER_REQUEST = 8;
/** Enough to cover any idle stretch in one go (see decimalBlocks); reached only by a new store. */
const ROLLUP_LISTS_PER_REQUEST = 48;
/** No visit key is older than this scheme: a new store's first roll-up starts here. */
const FIRST_MINUTE = Date.parse("2026-12-01T00:00:00Z") / BUCKET_MS;
const WIDTH = 9; // minutes since 1970 fit in 9 digits until 2160
const SUMMARY_KEY = "s/total";
const VISIT_KEY = /^v\/(\d{9})\/[A-Za-z0-9_-]{22}$/;

/** Production counts in one store; deploy previews and branch deploys in another. */
export function visitStoreName(deployContext: string | undefined): string {
  return !deployContext || deployContext === "production" ? "visit-counter" : "visit-counter-preview";
}

export const minuteOf = (ms: number) => Math.floor(ms / BUCKET_MS);
export const visitKey = (issued: number, id: string) => `v/${String(minuteOf(issued)).padStart(WIDTH, "0")}/${id}`;
/** The last minute no valid token can write into any more. */
export const frozenThrough = (now: number) => minuteOf(now - TOKEN_TTL_MS - GRACE_MS) - 1;

interface Summary {
  through: number;
  total: number;
}

/**
 * The summary, with the etag it had when `listed` was taken (before the read): should it
 * have changed in between, a conditional write with that etag fails, as it must.
 */
async function readSummary(store: VisitStore, listed?: { key: string; etag: string }[]): Promise<(Summary & { etag?: string }) | undefined> {
  const data = await store.get(SUMMARY_KEY);
  if (data === null) return undefined;
  const s = JSON.parse(data) as Partial<Summary>;
  if (!Number.isSafeInteger(s.through) || !Number.isSafeInteger(s.total)) throw new Error(`${SUMMARY_KEY} is not a summary: ${data}`);
  // An empty etag would make onlyIfMatch unconditional: treat it as none.
  return { through: s.through!, total: s.total!, etag: listed?.find((b) => b.key === SUMMARY_KEY)?.etag || undefined };
}

function minutes(blobs: { key: string }[]): { key: string; minute: number }[] {
  const out = [];
  // Anything else (the summary, a half-written temporary file of the local server) is ignored.
  for (const { key } of blobs) {
    const m = VISIT_KEY.exec(key);
    if (m) out.push({ key, minute: Number(m[1]) });
  }
  return out;
}

export type RecordResult = "counted" | "replayed" | "too-late";

/** Count one page view of a checked token. */
export async function recordVisit(store: VisitStore, id: string, issued: number): Promise<RecordResult> {
  // The token's expiry keeps it out of rolled-up minutes; this guards against clocks that disagree.
  const summary = await readSummary(store);
  if (summary && summary.through >= minuteOf(issued)) return "too-late";
  return (await store.create(visitKey(issued, id), "")) ? "counted" : "replayed";
}

export interface Figures {
  /** Visits recorded so far (without the old site's figure). */
  total: number;
  /** Visits whose token was issued in the last five minutes. */
  recent: number;
}

/** The figures; with `maintain`, also roll frozen minutes up and delete a few old visit blobs. */
export async function readFigures(store: VisitStore, now: number, maintain: boolean): Promise<Figures> {
  // One list for the summary's etag and the visits not yet deleted, then the summary itself.
  const listed = await store.list("");
  const summary = await readSummary(store, listed);
  const base = summary ?? { through: FIRST_MINUTE - 1, total: 0 };
  const since = minuteOf(now - RECENT_MS);
  let pending = 0;
  let recent = 0;
  const old: string[] = [];
  for (const v of minutes(listed)) {
    if (v.minute > base.through) pending += 1;
    if (v.minute >= since) recent += 1;
    if (v.minute <= base.through - KEEP_MINUTES) old.push(v.key);
  }
  if (maintain) {
    // The figures stand without these; a later request does them.
    await rollUp(store, base, summary?.etag, now).catch((error: unknown) => console.error(`visits: roll-up put off: ${String(error)}`));
    const doomed = old.sort(() => Math.random() - 0.5).slice(0, DELETES_PER_REQUEST);
    await Promise.all(doomed.map((key) => store.remove(key))).catch((error: unknown) => console.error(`visits: clean-up put off: ${String(error)}`));
  }
  return { total: base.total + pending, recent };
}

async function rollUp(store: VisitStore, base: Summary, etag: string | undefined, now: number): Promise<void> {
  const blocks = decimalBlocks(base.through + 1, frozenThrough(now)).slice(0, ROLLUP_LISTS_PER_REQUEST);
  if (blocks.length === 0) return;
  const counts = await Promise.all(blocks.map(async (b) => minutes(await store.list(`v/${b.prefix}`)).length));
  const next = JSON.stringify({ through: blocks.at(-1)!.last, total: base.total + counts.reduce((a, b) => a + b, 0) });
  // Lost to another roll-up: it moved on from the same summary or a newer one. Without an
  // etag only a first summary can be written (onlyIfNew).
  if (etag === undefined) await store.create(SUMMARY_KEY, next);
  else await store.replace(SUMMARY_KEY, next, etag);
}

/**
 * [from, to] as few key prefixes as possible: 123458..123512 → 123458, 123459, 12346, 12347,
 * 12348, 12349, 123500, …, 123512 (padded to the key width). A stretch of idle minutes
 * costs a few lists, not one per minute.
 */
export function decimalBlocks(from: number, to: number): { prefix: string; last: number }[] {
  const blocks = [];
  for (let a = from; a <= to; ) {
    let size = 1;
    let digits = 0;
    while (digits < WIDTH && a % (size * 10) === 0 && a + size * 10 - 1 <= to) {
      size *= 10;
      digits += 1;
    }
    blocks.push({ prefix: String(a).padStart(WIDTH, "0").slice(0, WIDTH - digits), last: a + size - 1 });
    a += size;
  }
  return blocks;
}
