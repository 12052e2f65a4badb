import { connect, createServer, type Server, type Socket } from "node:net";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getStore, setEnvironmentContext } from "@netlify/blobs";
import { BlobsServer } from "@netlify/blobs/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import visits, { config, createVisitsHandler } from "../../netlify/functions/visits.ts";
import { BASE_TOTAL } from "../../widgets/counter/base-total.ts";
import { boundedStore, type VisitStore } from "../../widgets/counter/bounded-store.ts";
import { decimalBlocks, frozenThrough, minuteOf, readFigures, visitKey } from "../../widgets/counter/visit-log.ts";
import { issueToken, TOKEN_TTL_MS } from "../../widgets/counter/visit-token.ts";

/*
 * The counter against a real local Netlify Blobs server, reached through a TCP proxy
 * of ours that can pass traffic, refuse it (store stopped) or swallow it (store hangs).
 * Figures under load, abuse and outage are printed as "measured:" lines.
 */

const BASE = 3_994_514;
const SECRET = "test-secret-0123456789-0123456789-abcdef";
const URL_ = "http://localhost/api/visits";
const OWN = { origin: "http://localhost", "sec-fetch-site": "same-origin", "content-type": "application/json" };
const T0 = Date.parse("2026-12-01T02:00:00Z");
const MINUTE = 60_000;

interface Proxy {
  url: string;
  /** slow-writes: a write reaches the store at once, its answer comes back 2.5 s later. */
  mode: "pass" | "refuse" | "hang" | "slow-writes";
  close(): Promise<void>;
}

/** A TCP proxy to the Blobs server; a change of mode drops the connections it holds. */
async function startProxy(port: number): Promise<Proxy & { setMode(m: Proxy["mode"]): void }> {
  const open = new Set<Socket>();
  let mode: Proxy["mode"] = "pass";
  const server: Server = createServer((client) => {
    open.add(client);
    client.on("close", () => open.delete(client));
    client.on("error", () => client.destroy());
    if (mode === "hang") return; // accepted, never answered
    if (mode === "refuse") return void client.destroy();
    const upstream = connect(port, "127.0.0.1");
    upstream.on("error", () => client.destroy());
    client.on("close", () => upstream.destroy());
    if (mode === "pass") return void client.pipe(upstream).pipe(client);
    // One request at a time on a connection (undici does not pipeline): delay the answers to PUTs.
    let slow = false;
    client.on("data", (chunk: Buffer) => {
      if (chunk.subarray(0, 4).toString() === "PUT ") slow = true;
      upstream.write(chunk);
    });
    upstream.on("data", (chunk: Buffer) => {
      if (!slow) return void client.write(chunk);
      setTimeout(() => client.writable && client.write(chunk), 2_500);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const proxy = {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    get mode() {
      return mode;
    },
    setMode(m: Proxy["mode"]) {
      if (m !== mode) for (const socket of open) socket.destroy();
      mode = m;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
  return proxy;
}

let blobs: BlobsServer;
let directory = "";
let proxy: Awaited<ReturnType<typeof startProxy>>;
const TOKEN = "blobs-token";

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), "visits-blobs-"));
  blobs = new BlobsServer({ directory, token: TOKEN });
  proxy = await startProxy((await blobs.start()).port);
});
afterAll(async () => {
  await proxy?.close();
  await blobs?.stop();
  await rm(directory, { recursive: true, force: true });
});

let clock = T0;
let storeName = "";
let n = 0;
/** Requests the function made to the Blobs server. */
let calls = 0;
beforeEach(() => {
  clock = T0;
  storeName = `visits-${++n}`; // a fresh store per test
  proxy.setMode("pass");
});

const openStore = (fetch: typeof globalThis.fetch = globalThis.fetch) =>
  getStore({ name: storeName, siteID: "test-site", token: TOKEN, edgeURL: proxy.url, uncachedEdgeURL: proxy.url, consistency: "strong", fetch });
/** Store calls wait long here (this machine is shared and slow); the outage test uses the real deadline. */
const handler = (options: { secret?: string; now?: () => number; storeTimeoutMs?: () => number } = {}) =>
  createVisitsHandler({
    get storeTimeoutMs() {
      return options.storeTimeoutMs?.() ?? 60_000;
    },
    store: (fetch) =>
      openStore((input, init) => {
        calls += 1;
        return fetch(input, init);
      }),
    baseTotal: BASE,
    secret: () => ("secret" in options ? options.secret : SECRET),
    now: options.now ?? (() => clock),
  });
type Handler = ReturnType<typeof handler>;

const get = async (h: Handler) => (await h(new Request(URL_))).json() as Promise<{ total: number; recent: number; token?: string; stale?: boolean }>;
const post = (h: Handler, token: unknown, headers: Record<string, string> = OWN) =>
  h(new Request(URL_, { method: "POST", headers, body: JSON.stringify({ token }) }));
const keys = async () => (await openStore().list()).blobs.map((b) => b.key).sort();
const statuses = (responses: Response[]) => {
  const count: Record<number, number> = {};
  for (const r of responses) count[r.status] = (count[r.status] ?? 0) + 1;
  return count;
};
/**
 * Sends the tokens answered 503 again, as the page does, through another instance (this one
 * pauses after a failure). Under a burst on this shared machine a connection can fail.
 */
async function resend(tokens: string[], answers: Response[]): Promise<Record<number, number>> {
  return statuses(await Promise.all(tokens.filter((_, i) => answers[i]!.status === 503).map((t) => post(handler(), t))));
}
/** Runs `f` and returns its result and how long it took. */
async function timed<T>(f: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await f();
  return [result, performance.now() - start];
}
const ms = (values: number[]) => `max ${Math.round(Math.max(...values))} ms, median ${Math.round(values.sort((a, b) => a - b)[values.length >> 1]!)} ms`;

describe("one visit", () => {
  it("is a GET's token spent by a POST from the site's own page", async () => {
    const h = handler();
    const first = await h(new Request(URL_));
    expect(first.headers.get("cache-control")).toBe("no-store");
    const { token, ...figures } = (await first.json()) as { total: number; recent: number; token: string };
    expect(figures).toEqual({ total: BASE, recent: 0 });
    const res = await post(h, token);
    expect([res.status, await res.json()]).toEqual([200, { counted: true }]);
    expect(await get(h)).toMatchObject({ total: BASE + 1, recent: 1 });
    // Only the token's random id is stored: no address, no browser, no page.
    expect(await keys()).toEqual(["s/total", visitKey(clock, token.split(".")[1]!)]);
  });

  it("counts in the token's minute, shows five minutes as recent, and rolls frozen minutes up", async () => {
    const h = handler();
    for (let i = 0; i < 3; i++) expect((await post(h, (await get(h)).token)).status).toBe(200);
    clock += 2 * MINUTE;
    expect((await post(h, (await get(h)).token)).status).toBe(200);
    expect(await get(h)).toMatchObject({ total: BASE + 4, recent: 4 });
    clock = T0 + 6 * MINUTE; // the first three were issued more than five minutes ago
    expect(await get(h)).toMatchObject({ total: BASE + 4, recent: 1 });
    expect(await openStore().get("s/total", { type: "json" })).toEqual({ through: frozenThrough(clock), total: 4 });
    clock = T0 + 30 * MINUTE; // rolled up, then deleted a few minutes later
    await get(h);
    expect(await get(h)).toMatchObject({ total: BASE + 4, recent: 0 });
    expect(await keys()).toEqual(["s/total"]);
    expect(await openStore().get("s/total", { type: "json" })).toEqual({ through: frozenThrough(clock), total: 4 });
  });
});

describe("under load", () => {
  it("counts 1,000 concurrent visits exactly, and none of them twice", async () => {
    const h = handler();
    const tokens = Array.from({ length: 1000 }, () => issueToken(SECRET, clock));
    const [answers, took] = await timed(() => Promise.all(tokens.map((t) => post(h, t))));
    const first = statuses(answers);
    // A 503 may be a write that landed unconfirmed: sent again it answers 409.
    expect((first[200] ?? 0) + (first[503] ?? 0)).toBe(1000);
    const again = await resend(tokens, answers);
    expect((again[200] ?? 0) + (again[409] ?? 0)).toBe(first[503] ?? 0);
    clock += 6_000; // past the pause after a failure
    const [total, getTook] = await timed(() => get(h));
    expect(total).toMatchObject({ total: BASE + 1000, recent: 1000 });
    const replays = await Promise.all(tokens.map((t) => post(h, t)));
    expect(statuses(replays)).toEqual({ 409: 1000 });
    clock += 10 * MINUTE;
    expect((await get(h)).total).toBe(BASE + 1000);
    expect(await openStore().get("s/total", { type: "json" })).toMatchObject({ total: 1000 });
    console.log(
      `measured: 1,000 concurrent POSTs: ${JSON.stringify(first)} in ${Math.round(took)} ms, the 503s sent again: ${JSON.stringify(again)}; ` +
        `1,000 replays all 409; a GET with 1,000 visits pending: ${Math.round(getTook)} ms`,
    );
  });

  it("counts a token sent twice at once once", async () => {
    const h = handler();
    const tokens = Array.from({ length: 300 }, () => issueToken(SECRET, clock));
    const answers = await Promise.all([...tokens, ...tokens].map((t) => post(h, t)));
    const count = statuses(answers);
    expect((count[200] ?? 0) + (count[409] ?? 0) + (count[503] ?? 0)).toBe(600);
    const again = await resend([...tokens, ...tokens], answers);
    expect((again[200] ?? 0) + (again[409] ?? 0)).toBe(count[503] ?? 0);
    clock += 6_000;
    // The key is the token id, so the count is exact whatever the store's onlyIfNew does under a race.
    expect((await get(h)).total).toBe(BASE + 300);
    console.log(`measured: 300 tokens each sent twice at once: ${JSON.stringify(count)}, 503s sent again ${JSON.stringify(again)}, counted 300`);
  });
});

describe("what is not one visit is refused and changes nothing", () => {
  const other = "another-secret-0123456789-0123456789-abcdef";
  const body = (token: unknown) => JSON.stringify({ token });
  const req = (init: RequestInit & { headers?: Record<string, string> }) => new Request(URL_, { method: "POST", ...init, headers: init.headers ?? OWN });
  const cases: [string, (token: string) => Request, number][] = [
    ["a forged token (signed with another secret)", () => req({ body: body(issueToken(other, clock)) }), 403],
    ["a token whose id was changed", (t) => req({ body: body(t.replace(/\.(.)/, (_, c: string) => `.${c === "A" ? "B" : "A"}`)) }), 403],
    ["an expired token", () => req({ body: body(issueToken(SECRET, clock - TOKEN_TTL_MS - 1)) }), 403],
    ["a token from the future", () => req({ body: body(issueToken(SECRET, clock + MINUTE)) }), 403],
    ["a made-up token", () => req({ body: body("visitor-0001") }), 400],
    ["a token that is a number", () => req({ body: body(12345678901) }), 400],
    ["no token", () => req({ body: "{}" }), 400],
    ["bad JSON", () => req({ body: "{token: 'abc'" }), 400],
    ["JSON that is not an object", (t) => req({ body: JSON.stringify(t) }), 400],
    ["a cross-site POST", (t) => req({ body: body(t), headers: { ...OWN, origin: "https://evil.example", "sec-fetch-site": "cross-site" } }), 403],
    ["a POST from a sibling subdomain", (t) => req({ body: body(t), headers: { ...OWN, origin: "http://evil.localhost", "sec-fetch-site": "same-site" } }), 403],
    ["a POST claiming same-origin from another origin", (t) => req({ body: body(t), headers: { ...OWN, origin: "https://evil.example" } }), 403],
    ["a POST without Origin", (t) => req({ body: body(t), headers: { "content-type": "application/json" } }), 403],
    ["a POST with Origin null", (t) => req({ body: body(t), headers: { ...OWN, origin: "null" } }), 403],
    ["a form post (text/plain, no preflight)", (t) => req({ body: body(t), headers: { ...OWN, "content-type": "text/plain" } }), 415],
    ["a body over 1 KB", (t) => req({ body: JSON.stringify({ token: t, pad: "x".repeat(1100) }) }), 413],
    [
      "a streamed body over 1 KB without a length",
      (t) =>
        req({
          body: new ReadableStream({
            start(c) {
              c.enqueue(new TextEncoder().encode(JSON.stringify({ token: t, pad: "x".repeat(2000) })));
              c.close();
            },
          }),
          duplex: "half",
        } as RequestInit & { headers?: Record<string, string> }),
      413,
    ],
    ["PUT", (t) => req({ method: "PUT", body: body(t) }), 405],
    ["DELETE", () => req({ method: "DELETE" }), 405],
    ["OPTIONS (a CORS preflight)", () => req({ method: "OPTIONS" }), 405],
  ];

  it.each(cases)("%s", async (_, request, status) => {
    const h = handler();
    expect((await post(h, (await get(h)).token)).status).toBe(200);
    const before = await keys();
    const res = await h(request((await get(h)).token!));
    expect(res.status).toBe(status);
    if (status === 405) expect(res.headers.get("allow")).toBe("GET, POST");
    expect((await res.json()) as unknown).toHaveProperty("error");
    expect(await keys()).toEqual(before);
    expect((await get(h)).total).toBe(BASE + 1);
  });

  it("a replayed token", async () => {
    const h = handler();
    const { token } = await get(h);
    expect((await post(h, token)).status).toBe(200);
    const again = await post(h, token);
    expect([again.status, await again.json()]).toEqual([409, { counted: false, error: "this token has already been counted" }]);
    expect((await get(h)).total).toBe(BASE + 1);
  });

  it.each([
    ["no VISITS_SECRET", undefined],
    ["a VISITS_SECRET shorter than 32 characters", "short-secret"],
  ])("with %s: the figures are shown, nothing is counted", async (_, secret) => {
    const h = handler({ secret });
    const figures = await get(h);
    expect(figures).toEqual({ total: BASE, recent: 0 });
    const res = await post(h, issueToken(SECRET, clock));
    expect([res.status, await res.json()]).toEqual([503, { counted: false, error: "the counter is not configured" }]);
    expect((await keys()).filter((k) => k.startsWith("v/"))).toEqual([]);
  });

  it("is rate-limited per client address by Netlify", () => {
    expect(config).toEqual({ path: "/api/visits", rateLimit: { windowLimit: 60, windowSize: 60, aggregateBy: ["ip", "domain"] } });
  });

  it("declares that limit as a literal, which Netlify's bundler reads from the source without running it", async () => {
    // zip-it-and-ship-it parses `export const config` statically: a value computed at run time
    // (a variable, a call, a spread) would be dropped and the function deployed without a limit.
    const ts = (await import("typescript")).default;
    const file = new URL("../../netlify/functions/visits.ts", import.meta.url);
    const source = ts.createSourceFile("visits.ts", await readFile(file, "utf8"), ts.ScriptTarget.Latest, true);
    let initializer: import("typescript").Expression | undefined;
    source.forEachChild((node) => {
      if (ts.isVariableStatement(node) && node.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) {
        for (const d of node.declarationList.declarations) if (d.name.getText() === "config") initializer = d.initializer;
      }
    });
    const literal = (node: import("typescript").Node): boolean =>
      ts.isObjectLiteralExpression(node)
        ? node.properties.every((p) => ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && literal(p.initializer))
        : ts.isArrayLiteralExpression(node)
          ? node.elements.every(literal)
          : ts.isStringLiteral(node) || ts.isNumericLiteral(node) || node.kind === ts.SyntaxKind.TrueKeyword || node.kind === ts.SyntaxKind.FalseKeyword;
    expect(initializer && literal(initializer)).toBe(true);
  });
});

describe("when the store is down", () => {
  it("answers in bounded time, counts none it could not record, and loses none when it is back", async () => {
    // The real deadline during the outage only: before and after it, this slow machine must not fail on time.
    let deadline = 60_000;
    const h = handler({ storeTimeoutMs: () => deadline });
    const counted: string[] = [];
    for (let i = 0; i < 20; i++) {
      const { token } = await get(h);
      if ((await post(h, token)).status === 200) counted.push(token!);
    }
    expect(counted).toHaveLength(20);
    await get(h); // the last known figure
    const waiting = Array.from({ length: 40 }, () => issueToken(SECRET, clock)); // pages opened just before the outage

    const report: string[] = [];
    deadline = 1_500;
    for (const mode of ["refuse", "hang"] as const) {
      proxy.setMode(mode);
      clock += 6_000; // the pause after the last failure is over: try the store again
      const before = calls;
      const [answers, times] = await Promise.all(
        waiting.map((t) => timed(() => post(h, t))),
      ).then((r) => [r.map(([a]) => a), r.map(([, t]) => t)] as const);
      const storeCalls = calls - before;
      const [gets, getTimes] = await Promise.all(Array.from({ length: 20 }, () => timed(() => get(h)))).then(
        (r) => [r.map(([a]) => a), r.map(([, t]) => t)] as const,
      );
      expect(statuses(answers)).toEqual({ 503: 40 });
      for (const a of answers) expect(await a.json()).toMatchObject({ counted: false });
      // The last known figure, without a token: nothing can be counted now.
      for (const g of gets) expect(g).toEqual({ total: BASE + 20, recent: 20, stale: true });
      report.push(`${mode}: 40 POSTs all 503 not counted (${ms(times)}), 20 GETs all 200 stale (${ms(getTimes)}), ${storeCalls} store calls`);
      // Later answers do not wait for the store again until the pause is over.
      const [later, laterTime] = await timed(() => post(h, waiting[0]));
      expect(later.status).toBe(503);
      report.push(`${mode}: a POST during the pause: ${Math.round(laterTime)} ms`);
    }

    // A store that takes writes but answers too late: each write is unconfirmed, so 503.
    proxy.setMode("slow-writes");
    clock += 6_000;
    const unconfirmed = Array.from({ length: 40 }, () => issueToken(SECRET, clock));
    const [slowAnswers, slowTimes] = await Promise.all(unconfirmed.map((t) => timed(() => post(h, t)))).then(
      (r) => [r.map(([a]) => a), r.map(([, t]) => t)] as const,
    );
    expect(statuses(slowAnswers)).toEqual({ 503: 40 });
    report.push(`slow writes: 40 POSTs all 503 unconfirmed (${ms(slowTimes)})`);

    proxy.setMode("pass");
    deadline = 60_000;
    clock += 6_000;
    // The store is back and the pages send the same tokens again (the client does, once):
    // those never recorded count now; those recorded unconfirmed answer 409. None counts twice.
    const retried = await Promise.all(waiting.map((t) => post(h, t)));
    expect(statuses(retried)).toEqual({ 200: 40 });
    const settled = statuses(await Promise.all(unconfirmed.map((t) => post(h, t))));
    expect((settled[200] ?? 0) + (settled[409] ?? 0)).toBe(40);
    expect(statuses(await Promise.all(waiting.map((t) => post(h, t))))).toEqual({ 409: 40 });
    expect((await get(h)).total).toBe(BASE + 100);
    clock += 10 * MINUTE;
    expect((await get(h)).total).toBe(BASE + 100);
    report.push(`back: 40 retried 200, 40 unconfirmed resent ${JSON.stringify(settled)}, total +100 exactly`);
    console.log(`measured (store timeout 1,500 ms): ${report.join("; ")}`);
  });

  it("answers 503 when it has no figure yet, without waiting", async () => {
    proxy.setMode("hang");
    const h = handler({ storeTimeoutMs: () => 1_500 });
    const [res, took] = await timed(() => h(new Request(URL_)));
    expect([res.status, res.headers.get("retry-after")]).toEqual([503, "60"]);
    console.log(`measured: first GET with the store hanging: 503 in ${Math.round(took)} ms`);
  });
});

describe("as the day fills", () => {
  it("makes the same number of store calls per request at 150 visits as at 400", async () => {
    const h = handler();
    const perMinute = 10;
    const opsByMinute: { get: number[]; post: number[] }[] = [];
    const getTimes: number[][] = [];
    let counted = 0;
    for (let minute = 0; minute < 40; minute++) {
      const ops = { get: [] as number[], post: [] as number[] };
      const times: number[] = [];
      // Each reader: GET (figures + token), then POST. One at a time, to attribute store calls.
      for (let i = 0; i < perMinute; i++) {
        let before = calls;
        const [{ token }, took] = await timed(() => get(h));
        ops.get.push(calls - before);
        times.push(took);
        before = calls;
        if ((await post(h, token)).status === 200) counted += 1;
        ops.post.push(calls - before);
        clock += MINUTE / perMinute;
      }
      opsByMinute.push(ops);
      getTimes.push(times);
    }
    expect(counted).toBe(40 * perMinute);
    const early = opsByMinute.slice(15, 20);
    const late = opsByMinute.slice(35, 40);
    const max = (rows: typeof early, k: "get" | "post") => Math.max(...rows.flatMap((r) => r[k]));
    const min = (rows: typeof early, k: "get" | "post") => Math.min(...rows.flatMap((r) => r[k]));
    // A POST: read the summary, write the visit. A GET: read the summary, list the last minutes;
    // once a minute also roll up (list one minute, write the summary) and delete up to 8 old visits.
    expect([min(early, "post"), max(early, "post"), min(late, "post"), max(late, "post")]).toEqual([2, 2, 2, 2]);
    expect([min(early, "get"), min(late, "get")]).toEqual([2, 2]);
    expect(max(late, "get")).toBe(max(early, "get"));
    expect(max(late, "get")).toBeLessThanOrEqual(2 + 2 + 8);
    // What a GET lists stays the last minutes' visits, not the day's.
    const stored = (await keys()).filter((k) => k.startsWith("v/")).length;
    expect(stored).toBeLessThanOrEqual(15 * perMinute);
    expect((await get(h)).total).toBe(BASE + 40 * perMinute);
    clock += 10 * MINUTE;
    expect((await get(h)).total).toBe(BASE + 40 * perMinute);
    console.log(
      `measured: store calls per GET ${min(early, "get")}–${max(early, "get")} at minutes 15–20 (GET ${ms(getTimes.slice(15, 20).flat())}), ` +
        `${min(late, "get")}–${max(late, "get")} at 35–40 (GET ${ms(getTimes.slice(35, 40).flat())}); per POST 2; ${stored} visit blobs stored after 400 visits`,
    );
  });

  it("lists an idle stretch in a few prefixes, not one per minute", () => {
    expect(decimalBlocks(123458, 123512).map((b) => b.prefix)).toEqual([
      "000123458", "000123459", "00012346", "00012347", "00012348", "00012349", "00012350", "000123510", "000123511", "000123512",
    ]);
    expect(decimalBlocks(0, minuteOf(T0)).length).toBeLessThan(60);
    expect(decimalBlocks(5, 4)).toEqual([]);
    // Every minute in range exactly once.
    const covered = decimalBlocks(99_990, 100_120).flatMap((b) => {
      const first = Number(b.prefix.padEnd(9, "0"));
      return Array.from({ length: b.last - first + 1 }, (_, i) => first + i);
    });
    expect(covered).toEqual(Array.from({ length: 131 }, (_, i) => 99_990 + i));
  });
});

describe("a minute already rolled up", () => {
  it("takes no new visit, and one that reaches the store late is never counted", async () => {
    const h = handler();
    const { token } = await get(h);
    expect((await post(h, token)).status).toBe(200);
    const late = (await get(h)).token!;
    clock = T0 + TOKEN_TTL_MS + 2 * MINUTE; // T0's minute is frozen: roll it up
    expect((await get(h)).total).toBe(BASE + 1);
    expect(((await openStore().get("s/total", { type: "json" })) as { through: number }).through).toBeGreaterThanOrEqual(minuteOf(T0));
    const res = await post(h, late);
    expect([res.status, ((await res.json()) as { counted: boolean }).counted]).toEqual([403, false]);
    // A write its client gave up on, arriving after the roll-up: ignored, then deleted.
    await openStore().set(visitKey(T0, "L".repeat(22)), "");
    expect((await get(h)).total).toBe(BASE + 1);
    clock += 20 * MINUTE;
    for (let i = 0; i < 3; i++) await get(h);
    expect(await keys()).toEqual(["s/total"]);
    expect((await get(h)).total).toBe(BASE + 1);
  });

  it("refuses a token another instance's fast clock has already rolled up, instead of losing it", async () => {
    const slow = handler();
    const fast = handler({ now: () => clock + 5 * MINUTE });
    const tokens = Array.from({ length: 10 }, () => issueToken(SECRET, clock));
    expect((await post(slow, tokens[0])).status).toBe(200);
    await get(fast); // rolls T0's minute up too early
    const answers = await Promise.all(tokens.slice(1).map((t) => post(slow, t)));
    expect(statuses(answers)).toEqual({ 403: 9 });
    expect((await get(slow)).total).toBe(BASE + 1);
  });

  it("lets only one of two roll-ups from the same summary write (onlyIfMatch, etag listed before the read)", async () => {
    const h = handler();
    for (let i = 0; i < 5; i++) expect((await post(h, (await get(h)).token)).status).toBe(200);
    await get(h); // a first summary
    clock += 10 * MINUTE;
    const store = boundedStore((fetch) => openStore(fetch), 60_000);
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const attempts: boolean[] = [];
    let reading = () => {};
    const hasRead = new Promise<void>((resolve) => (reading = resolve));
    // This one reads the summary and its etag, then waits before it lists the frozen minutes.
    const slow: VisitStore = {
      ...store,
      list: async (prefix) => {
        if (prefix.startsWith("v/")) (reading(), await held);
        return store.list(prefix);
      },
      replace: async (...args) => (attempts.push(await store.replace(...args)), attempts.at(-1)!),
    };
    const stale = readFigures(slow, clock, true);
    await hasRead;
    expect((await get(h)).total).toBe(BASE + 5); // rolls up meanwhile
    const written = await openStore().get("s/total", { type: "json" });
    release();
    await stale;
    expect(attempts).toEqual([false]);
    expect(await openStore().get("s/total", { type: "json" })).toEqual(written);
  });

  it("counts exactly when visits at the last valid moment race roll-ups", async () => {
    const h = handler();
    const end = T0 + MINUTE - 1; // the last ms of T0's minute
    const tokens = Array.from({ length: 200 }, () => issueToken(SECRET, end));
    clock = end + TOKEN_TTL_MS; // the last moment they are valid
    const answers = await Promise.all([...tokens.map((t) => post(h, t)), ...Array.from({ length: 20 }, () => h(new Request(URL_)))]);
    const count = statuses(answers.slice(0, 200));
    expect((count[200] ?? 0) + (count[503] ?? 0)).toBe(200);
    const again = await resend(tokens, answers);
    expect((again[200] ?? 0) + (again[409] ?? 0)).toBe(count[503] ?? 0);
    clock = T0 + MINUTE + TOKEN_TTL_MS + MINUTE; // frozen now
    await Promise.all(Array.from({ length: 20 }, () => get(h)));
    expect((await get(h)).total).toBe(BASE + 200);
    expect(await openStore().get("s/total", { type: "json" })).toEqual({ through: frozenThrough(clock), total: 200 });
  });
});

describe("the deployed function", () => {
  it("is routed at /api/visits, signs with VISITS_SECRET and counts previews apart", async () => {
    expect(BASE_TOTAL).toBe(BASE);
    process.env.VISITS_SECRET = SECRET;
    setEnvironmentContext({ siteID: "deployed", token: TOKEN, edgeURL: proxy.url, uncachedEdgeURL: proxy.url });
    const context = { deploy: { context: "deploy-preview" } } as Parameters<typeof visits>[1];
    const first = (await (await visits(new Request(URL_), context)).json()) as { total: number; token: string };
    expect(first.total).toBe(BASE_TOTAL);
    const res = await visits(new Request(URL_, { method: "POST", headers: OWN, body: JSON.stringify({ token: first.token }) }), context);
    expect(await res.json()).toEqual({ counted: true });
    const store = (name: string) => getStore({ name, siteID: "deployed", token: TOKEN, edgeURL: proxy.url, uncachedEdgeURL: proxy.url, consistency: "strong" });
    const visitKeys = async (name: string) => (await store(name).list({ prefix: "v/" })).blobs;
    expect(await visitKeys("visit-counter-preview")).toHaveLength(1);
    expect(await visitKeys("visit-counter")).toHaveLength(0);
  });
});
