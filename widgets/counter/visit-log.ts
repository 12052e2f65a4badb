import type { Store } from "@netlify/blobs";

/*
 * The visit log in Netlify Blobs, built so that concurrent visits cannot be lost.
 *
 * Every visit is its own blob under a fresh key `v/<day>/<ms>.<visitor>.<nonce>`,
 * written once and never updated: nothing is read-modified-written, so there is
 * no race to lose (and a client retry rewrites the same key, so none is counted
 * twice). We do not use etag-conditional updates of one counter: the local Blobs
 * server checks the etag and writes in separate steps, so they are not atomic there.
 *
 * To keep reads to a few list calls, a day that has closed is rolled up into
 * `d/<day>/<count>` and a closed month into `m/<month>/<count>` — the count is in
 * the key, so a list returns it. A roll-up is written before the keys it replaces
 * are deleted, and readers list visits, then days, then months; so whenever a
 * reader missed a deleted key, it sees the roll-up that replaced it, and a
 * period that has a roll-up ignores its finer keys. Compactors running at once
 * compute the same count, hence write the same key.
 */

export const ONLINE_WINDOW_MS = 5 * 60_000;
/** A period is closed this long after it ends, so no visit can still be on its way in. */
const GRACE_MS = 10 * 60_000;
const DELETE_CONCURRENCY = 8;

const VISITOR = /^[A-Za-z0-9_-]{8,64}$/;
const VISIT_KEY = /^v\/((\d{4}-\d{2})-\d{2})\/(\d{13})\.([A-Za-z0-9_-]{8,64})\.[0-9a-f]{8}$/;
const DAY_KEY = /^d\/(\d{4}-\d{2}-\d{2})\/(\d{1,15})$/;
const MONTH_KEY = /^m\/(\d{4}-\d{2})\/(\d{1,15})$/;

/** The anonymous per-tab id the page sends: a short random token, nothing else. */
export function isVisitorToken(value: unknown): value is string {
  return typeof value === "string" && VISITOR.test(value);
}

/** Production counts in one store; deploy previews and branch deploys in another. */
export function visitStoreName(deployContext: string | undefined): string {
  return !deployContext || deployContext === "production" ? "visits" : "visits-preview";
}

interface Rollup {
  count: number;
  keys: string[];
}

export interface VisitLog {
  visits: { key: string; day: string; month: string; ms: number; visitor: string }[];
  days: Map<string, Rollup>;
  months: Map<string, Rollup>;
}

export async function recordVisit(store: Store, visitor: string, now: number): Promise<void> {
  const day = new Date(now).toISOString().slice(0, 10);
  const nonce = crypto.randomUUID().slice(0, 8);
  await store.set(`v/${day}/${String(now).padStart(13, "0")}.${visitor}.${nonce}`, "");
}

async function keys(store: Store, prefix: string): Promise<string[]> {
  return (await store.list({ prefix })).blobs.map((b) => b.key);
}

function addRollup(map: Map<string, Rollup>, period: string, count: number, key: string): void {
  const rollup = map.get(period) ?? { count: 0, keys: [] };
  // Equal by construction; max() only guards against a stray duplicate.
  rollup.count = Math.max(rollup.count, count);
  rollup.keys.push(key);
  map.set(period, rollup);
}

/**
 * Read the log, or the part of it in periods starting with `within`. The order
 * of the three lists matters (see the top of this file).
 */
export async function readLog(store: Store, within = ""): Promise<VisitLog> {
  const visitKeys = await keys(store, `v/${within}`);
  const dayKeys = await keys(store, `d/${within}`);
  const monthKeys = await keys(store, `m/${within}`);
  const log: VisitLog = { visits: [], days: new Map(), months: new Map() };
  // Anything else (e.g. a half-written temporary file of the local server) is ignored.
  for (const key of visitKeys) {
    const m = VISIT_KEY.exec(key);
    if (m) log.visits.push({ key, day: m[1]!, month: m[2]!, ms: Number(m[3]), visitor: m[4]! });
  }
  for (const key of dayKeys) {
    const m = DAY_KEY.exec(key);
    if (m) addRollup(log.days, m[1]!, Number(m[2]), key);
  }
  for (const key of monthKeys) {
    const m = MONTH_KEY.exec(key);
    if (m) addRollup(log.months, m[1]!, Number(m[2]), key);
  }
  return log;
}

/** Visits recorded in periods starting with `within` ("" = all, "2024-05", "2024-05-01"). */
export function countVisits(log: VisitLog, within = ""): number {
  let total = 0;
  for (const [month, rollup] of log.months) if (month.startsWith(within)) total += rollup.count;
  for (const [day, rollup] of log.days) {
    if (day.startsWith(within) && !log.months.has(day.slice(0, 7))) total += rollup.count;
  }
  for (const v of log.visits) {
    if (v.day.startsWith(within) && !log.days.has(v.day) && !log.months.has(v.month)) total += 1;
  }
  return total;
}

/** Distinct visitors seen in the last five minutes. */
export function countOnline(log: VisitLog, now: number): number {
  const since = now - ONLINE_WINDOW_MS;
  return new Set(log.visits.filter((v) => v.ms > since).map((v) => v.visitor)).size;
}

const dayEnd = (day: string) => Date.parse(`${day}T00:00:00Z`) + 86_400_000;
const monthEnd = (month: string) => Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 1);
const isClosed = (end: number, now: number) => end + GRACE_MS <= now;

function closedPeriods(log: VisitLog, now: number): { months: Set<string>; days: Set<string> } {
  const months = new Set<string>();
  const days = new Set<string>();
  for (const v of log.visits) {
    if (isClosed(monthEnd(v.month), now)) months.add(v.month);
    else if (isClosed(dayEnd(v.day), now)) days.add(v.day);
  }
  for (const day of log.days.keys()) {
    if (isClosed(monthEnd(day.slice(0, 7)), now)) months.add(day.slice(0, 7));
  }
  return { months, days };
}

export function needsCompaction(log: VisitLog, now: number): boolean {
  const { months, days } = closedPeriods(log, now);
  return months.size + days.size > 0;
}

/** Roll closed days and months up, then delete the keys the roll-ups replace. */
export async function compact(store: Store, now: number): Promise<void> {
  const { months, days } = closedPeriods(await readLog(store), now);
  const plans = await Promise.all(
    [...months, ...days].map(async (period) => {
      // Read each closed period on its own: its keys no longer change, and the
      // local Blobs server's list can come back short while another folder is written.
      const log = await readLog(store, period);
      const isMonth = period.length === 7;
      const rolledUp = (isMonth ? log.months : log.days).has(period);
      return {
        write: rolledUp ? undefined : `${isMonth ? "m" : "d"}/${period}/${countVisits(log, period)}`,
        doomed: [...log.visits.map((v) => v.key), ...(isMonth ? [...log.days.values()].flatMap((r) => r.keys) : [])],
      };
    }),
  );
  // Every roll-up is stored before any key it replaces goes.
  await Promise.all(plans.flatMap((p) => (p.write ? [store.set(p.write, "")] : [])));
  const doomed = plans.flatMap((p) => p.doomed);
  for (let i = 0; i < doomed.length; i += DELETE_CONCURRENCY) {
    await Promise.all(doomed.slice(i, i + DELETE_CONCURRENCY).map((key) => store.delete(key)));
  }
}
