import { setEnvironmentContext } from "@netlify/blobs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import visits, { config, createVisitsHandler } from "../../netlify/functions/visits.ts";
import { BASE_TOTAL } from "../../widgets/counter/base-total.ts";
import { compact, countVisits, readLog } from "../../widgets/counter/visit-log.ts";
import { blobsServer } from "./helpers.ts";

const BASE = 3_994_514;
const URL_ = "http://localhost/api/visits";
const T0 = Date.parse("2024-05-31T23:40:00Z");

let blobs: Awaited<ReturnType<typeof blobsServer>>;
let clock = T0;
let storeName = "";
let n = 0;

beforeAll(async () => {
  blobs = await blobsServer();
});
afterAll(async () => blobs?.stop());
beforeEach(() => {
  clock = T0;
  storeName = `visits-${++n}`; // a fresh store per test
});

const handler = () => createVisitsHandler({ store: () => blobs.store(storeName), baseTotal: BASE, now: () => clock });
const visitor = (i: number) => `visitor-${String(i).padStart(4, "0")}`;
const post = (h: ReturnType<typeof handler>, body: unknown) =>
  h(new Request(URL_, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }));
const get = async (h: ReturnType<typeof handler>) => (await h(new Request(URL_))).json() as Promise<{ total: number; online: number }>;
const keys = async () => (await blobs.store(storeName).list()).blobs.map((b) => b.key).sort();

describe("GET and POST /api/visits", () => {
  it("starts from the old site's total and counts a visit", async () => {
    const h = handler();
    expect(await get(h)).toEqual({ total: BASE, online: 0 });
    const res = await post(h, { visitor: visitor(1) });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.json()).toEqual({ total: BASE + 1, online: 1 });
    expect(await get(h)).toEqual({ total: BASE + 1, online: 1 });
  });

  it("loses none of 100 concurrent visits", async () => {
    const h = handler();
    const answers = await Promise.all(Array.from({ length: 100 }, (_, i) => post(h, { visitor: visitor(i % 40) })));
    expect(answers.map((r) => r.status)).toEqual(Array(100).fill(200));
    expect(await get(h)).toEqual({ total: BASE + 100, online: 40 });
  });

  it("counts distinct visitors of the last five minutes as online", async () => {
    const h = handler();
    await post(h, { visitor: visitor(1) });
    await post(h, { visitor: visitor(2) });
    clock += 4 * 60_000;
    await post(h, { visitor: visitor(2) });
    await post(h, { visitor: visitor(3) });
    expect(await get(h)).toEqual({ total: BASE + 4, online: 3 });
    clock = T0 + 5 * 60_000; // visitor 1 was seen exactly five minutes ago
    expect((await get(h)).online).toBe(2);
    clock = T0 + 9 * 60_000 + 1;
    expect(await get(h)).toEqual({ total: BASE + 4, online: 0 });
  });
});

describe("bad requests change nothing", () => {
  const cases: [string, () => Request, number][] = [
    ["PUT", () => new Request(URL_, { method: "PUT", body: '{"visitor":"visitor-0001"}' }), 405],
    ["DELETE", () => new Request(URL_, { method: "DELETE" }), 405],
    ["PATCH", () => new Request(URL_, { method: "PATCH", body: "{}" }), 405],
    ["a body over 1 KB", () => new Request(URL_, { method: "POST", body: JSON.stringify({ visitor: visitor(1), pad: "x".repeat(1100) }) }), 413],
    [
      "a streamed body over 1 KB without a length",
      () =>
        new Request(URL_, {
          method: "POST",
          body: new ReadableStream({
            start(c) {
              c.enqueue(new TextEncoder().encode(`{"visitor":"${visitor(1)}","pad":"${"x".repeat(2000)}"}`));
              c.close();
            },
          }),
          duplex: "half",
        } as RequestInit),
      413,
    ],
    ["bad JSON", () => new Request(URL_, { method: "POST", body: "{visitor: 'abc'" }), 400],
    ["an empty body", () => new Request(URL_, { method: "POST" }), 400],
    ["JSON that is not an object", () => new Request(URL_, { method: "POST", body: '"visitor-0001"' }), 400],
    ["no visitor", () => new Request(URL_, { method: "POST", body: "{}" }), 400],
    ["a visitor too short", () => new Request(URL_, { method: "POST", body: '{"visitor":"abc"}' }), 400],
    ["a visitor too long", () => new Request(URL_, { method: "POST", body: JSON.stringify({ visitor: "a".repeat(65) }) }), 400],
    ["a visitor with other characters", () => new Request(URL_, { method: "POST", body: '{"visitor":"../../etc/passwd"}' }), 400],
    ["a visitor that is a number", () => new Request(URL_, { method: "POST", body: '{"visitor":12345678901}' }), 400],
  ];

  it.each(cases)("%s", async (_, request, status) => {
    const h = handler();
    await post(h, { visitor: visitor(9) });
    const before = await keys();
    const res = await h(request());
    expect(res.status).toBe(status);
    if (status === 405) expect(res.headers.get("allow")).toBe("GET, POST");
    expect((await res.json()) as unknown).toHaveProperty("error");
    expect(await keys()).toEqual(before);
    expect(await get(h)).toEqual({ total: BASE + 1, online: 1 });
  });

  it("answers 503, not a crash, when the store is down", async () => {
    const h = createVisitsHandler({ store: () => { throw new Error("no store"); }, baseTotal: BASE });
    const res = await h(new Request(URL_));
    expect(res.status).toBe(503);
  });
});

describe("roll-ups keep the total exact", () => {
  it("rolls a closed day up, then a closed month, without losing a visit", async () => {
    const h = handler();
    for (let i = 0; i < 3; i++) await post(h, { visitor: visitor(i) }); // 31 May, 23:40
    clock = Date.parse("2024-06-01T00:05:00Z"); // 31 May closed, but not 10 minutes ago yet
    await post(h, { visitor: visitor(3) });
    expect((await keys()).filter((k) => k.startsWith("v/2024-05-31/"))).toHaveLength(3);

    clock = Date.parse("2024-06-01T00:20:00Z");
    await post(h, { visitor: visitor(4) });
    // May is a closed month: its visits went straight into one month roll-up.
    expect((await keys()).filter((k) => !k.startsWith("v/2024-06-01/"))).toEqual(["m/2024-05/3"]);
    expect(await get(h)).toEqual({ total: BASE + 5, online: 1 });

    clock = Date.parse("2024-06-02T08:00:00Z");
    expect((await get(h)).total).toBe(BASE + 5);
    expect((await keys()).filter((k) => !k.startsWith("v/"))).toEqual(["d/2024-06-01/2", "m/2024-05/3"]);

    clock = Date.parse("2024-07-01T00:10:00Z");
    await post(h, { visitor: visitor(5) });
    expect((await keys()).filter((k) => !k.startsWith("v/"))).toEqual(["m/2024-05/3", "m/2024-06/2"]);
    expect(await get(h)).toEqual({ total: BASE + 6, online: 1 });
  });

  it("stays exact when two compactors run at once beside new visits", async () => {
    const h = handler();
    clock = Date.parse("2024-06-10T12:00:00Z");
    await Promise.all(Array.from({ length: 30 }, (_, i) => post(h, { visitor: visitor(i) })));
    clock = Date.parse("2024-06-11T12:00:00Z");
    const store = blobs.store(storeName);
    await Promise.all([
      compact(store, clock),
      compact(store, clock),
      ...Array.from({ length: 20 }, (_, i) => post(h, { visitor: visitor(i) })),
    ]);
    expect((await keys()).filter((k) => !k.startsWith("v/2024-06-11/"))).toEqual(["d/2024-06-10/30"]);
    expect(await get(h)).toEqual({ total: BASE + 50, online: 20 });
  });
});

describe("the deployed function", () => {
  it("is routed at /api/visits and continues from counter.yaml's figure", async () => {
    expect(config.path).toBe("/api/visits");
    expect(BASE_TOTAL).toBe(BASE);
    setEnvironmentContext(blobs.context);
    const context = { deploy: { context: "deploy-preview" } } as Parameters<typeof visits>[1];
    const before = (await (await visits(new Request(URL_), context)).json()) as { total: number };
    const res = await visits(new Request(URL_, { method: "POST", body: JSON.stringify({ visitor: visitor(1) }) }), context);
    expect(await res.json()).toEqual({ total: before.total + 1, online: 1 });
    expect(before.total).toBeGreaterThanOrEqual(BASE_TOTAL);
    // Previews count in their own store, never in production's.
    expect((await blobs.store("visits-preview").list()).blobs).toHaveLength(1);
    expect((await blobs.store("visits").list()).blobs).toHaveLength(0);
  });
});
