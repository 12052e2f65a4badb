import { getStore, type Store } from "@netlify/blobs";
import type { Config, Context } from "@netlify/functions";
import { BASE_TOTAL } from "../../widgets/counter/base-total.ts";
import { boundedStore, type VisitStore } from "../../widgets/counter/bounded-store.ts";
import { readFigures, recordVisit, visitStoreName } from "../../widgets/counter/visit-log.ts";
import { checkToken, issueToken, usableSecret } from "../../widgets/counter/visit-token.ts";

/*
 * The visit counter (what one visit is: docs/publishing.md, "Visit counter").
 *   GET  → 200 { total, recent, token }: the figures and a signed, single-use token;
 *          from the last known figures ({ …, stale: true }, no token) or 503 when the store is down.
 *   POST { "token": "…" } from the site's own pages → 200 { counted: true }, or
 *          { counted: false, error } with 403 (cross-site, forged, expired), 409 (token already counted),
 *          400/413/415 (malformed), 503 (not recorded or not confirmed: the store failed; or no VISITS_SECRET).
 * Each store call gives up after STORE_TIMEOUT_MS; after a failure the store is left
 * alone for a few seconds, so an outage costs one slow answer, not every answer.
 */

const MAX_BODY_BYTES = 1024;
const STORE_TIMEOUT_MS = 1_500;
const STORE_PAUSE_MS = 5_000;

type DeployContext = Partial<Pick<Context, "deploy">>;

export interface VisitsOptions {
  /** The Blobs store, making its requests with the given fetch (ours has the deadline). */
  store: (fetch: typeof globalThis.fetch, context: DeployContext | undefined) => Store;
  baseTotal: number;
  /** VISITS_SECRET: tokens are signed with it; without one (32+ characters) nothing is counted. */
  secret: () => string | undefined;
  now?: () => number;
  storeTimeoutMs?: number;
}

function json(body: unknown, status: number, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers },
  });
}

const refuse = (status: number, error: string, headers?: Record<string, string>) => json({ counted: false, error }, status, headers);

/** Only the site's own pages may count: a browser says so in Origin (and Sec-Fetch-Site). */
function fromOwnPage(req: Request): boolean {
  const site = req.headers.get("sec-fetch-site");
  if (site !== null && site !== "same-origin") return false;
  const origin = req.headers.get("origin");
  try {
    return origin !== null && new URL(origin).host === new URL(req.url).host;
  } catch {
    return false;
  }
}

/** The body as text, or undefined once it passes the limit (without reading the rest). */
async function readLimited(req: Request): Promise<string | undefined> {
  if (Number(req.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) return undefined;
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

async function tokenOf(req: Request): Promise<{ token: unknown } | { error: Response }> {
  if (!/^application\/json\s*(;|$)/i.test(req.headers.get("content-type") ?? "")) {
    return { error: refuse(415, "send the token as application/json") };
  }
  const body = await readLimited(req);
  if (body === undefined) return { error: refuse(413, `the body must be at most ${MAX_BODY_BYTES} bytes`) };
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed === "object" && parsed !== null) return { token: (parsed as { token?: unknown }).token };
  } catch {
    // answered below
  }
  return { error: refuse(400, 'the body must be JSON: { "token": "<from GET /api/visits>" }') };
}

export function createVisitsHandler(options: VisitsOptions) {
  const now = options.now ?? Date.now;
  let lastKnown: { total: number; recent: number } | undefined;
  let pausedUntil = 0;

  /** The result, or undefined when the store failed (or failed moments ago). */
  async function withStore<T>(context: DeployContext | undefined, run: (store: VisitStore) => Promise<T>): Promise<T | undefined> {
    if (now() < pausedUntil) return undefined;
    try {
      return await run(boundedStore((fetch) => options.store(fetch, context), options.storeTimeoutMs ?? STORE_TIMEOUT_MS));
    } catch (error) {
      pausedUntil = now() + STORE_PAUSE_MS;
      console.error(`visits: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }

  async function get(context: DeployContext | undefined): Promise<Response> {
    const time = now();
    const figures = await withStore(context, (store) => readFigures(store, time, true));
    if (!figures) {
      return lastKnown
        ? json({ ...lastKnown, stale: true }, 200)
        : json({ error: "the counter is unavailable" }, 503, { "retry-after": "60" });
    }
    lastKnown = { total: options.baseTotal + figures.total, recent: figures.recent };
    const secret = usableSecret(options.secret());
    return json(secret ? { ...lastKnown, token: issueToken(secret, time) } : lastKnown, 200);
  }

  async function post(req: Request, context: DeployContext | undefined): Promise<Response> {
    if (!fromOwnPage(req)) return refuse(403, "only the site's own pages can count a visit");
    const input = await tokenOf(req);
    if ("error" in input) return input.error;
    const secret = usableSecret(options.secret());
    if (!secret) {
      console.error("visits: VISITS_SECRET is not set (32+ characters); no visit is counted");
      return refuse(503, "the counter is not configured");
    }
    const time = now();
    const token = checkToken(secret, input.token, time);
    if (!token.ok) return refuse(token.status, token.error);
    switch (await withStore(context, (store) => recordVisit(store, token.id, token.issued))) {
      case "counted":
        return json({ counted: true }, 200);
      case "replayed":
        return refuse(409, "this token has already been counted");
      case "too-late":
        return refuse(403, "token has expired: fetch a new one");
      case undefined:
        // Not recorded, or (a write the store answered too late) not confirmed: the same token may
        // be sent again, and its answer (200 or 409) settles it.
        return refuse(503, "the visit could not be recorded; send the same token again later", { "retry-after": "5" });
    }
  }

  return async (req: Request, context?: DeployContext): Promise<Response> => {
    if (req.method === "GET") return get(context);
    if (req.method === "POST") return post(req, context);
    return json({ error: "use GET or POST" }, 405, { allow: "GET, POST" });
  };
}

const handle = createVisitsHandler({
  store: (fetch, context) => getStore({ name: visitStoreName(context?.deploy?.context), consistency: "strong", fetch }),
  baseTotal: BASE_TOTAL,
  secret: () => process.env.VISITS_SECRET,
});

export default async (req: Request, context: Context): Promise<Response> => handle(req, context);

export const config: Config = {
  path: "/api/visits",
  // Per client IP on this site: a reader needs 2 requests a page view and 1 a minute.
  // aggregateBy must be a list: Netlify's bundler turns a lone value into "domain" alone.
  rateLimit: { windowLimit: 60, windowSize: 60, aggregateBy: ["ip", "domain"] },
};
