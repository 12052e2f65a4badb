import { getStore, type Store } from "@netlify/blobs";
import type { Config, Context } from "@netlify/functions";
import { BASE_TOTAL } from "../../widgets/counter/base-total.ts";
import {
  compact,
  countOnline,
  countVisits,
  isVisitorToken,
  needsCompaction,
  readLog,
  recordVisit,
  visitStoreName,
} from "../../widgets/counter/visit-log.ts";

/*
 * The visit counter: GET → { total, online }; POST { "visitor": "<token>" } records
 * a page view and answers the same. How concurrent visits stay exact: see
 * widgets/counter/visit-log.ts. BASE_TOTAL (the old site's figure) comes from
 * content/_data/counter.yaml, written into base-total.ts by the build.
 */

const MAX_BODY_BYTES = 1024;

type DeployContext = Partial<Pick<Context, "waitUntil" | "deploy">>;

export interface VisitsOptions {
  store: (context: DeployContext | undefined) => Store;
  baseTotal: number;
  now?: () => number;
}

function json(body: unknown, status: number, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers },
  });
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

async function visitorOf(req: Request): Promise<{ visitor: string } | { error: Response }> {
  const body = await readLimited(req);
  if (body === undefined) return { error: json({ error: `the body must be at most ${MAX_BODY_BYTES} bytes` }, 413) };
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { error: json({ error: 'the body must be JSON: { "visitor": "<token>" }' }, 400) };
  }
  const visitor = typeof parsed === "object" && parsed !== null ? (parsed as { visitor?: unknown }).visitor : undefined;
  if (!isVisitorToken(visitor)) {
    return { error: json({ error: "visitor must be a random token of 8 to 64 letters, digits, - or _" }, 400) };
  }
  return { visitor };
}

export function createVisitsHandler(options: VisitsOptions) {
  const now = options.now ?? Date.now;
  return async (req: Request, context?: DeployContext): Promise<Response> => {
    if (req.method !== "GET" && req.method !== "POST") {
      return json({ error: "use GET or POST" }, 405, { allow: "GET, POST" });
    }
    const input = req.method === "POST" ? await visitorOf(req) : undefined;
    if (input && "error" in input) return input.error;
    try {
      const store = options.store(context);
      const time = now();
      if (input) await recordVisit(store, input.visitor, time);
      const log = await readLog(store);
      if (needsCompaction(log, time)) {
        const job = compact(store, time).catch((error: unknown) => console.error("visits: compaction failed", error));
        // On Netlify the answer need not wait for it; elsewhere (dev, tests) it does.
        if (context?.waitUntil) context.waitUntil(job);
        else await job;
      }
      return json({ total: options.baseTotal + countVisits(log), online: countOnline(log, time) }, 200);
    } catch (error) {
      console.error("visits: the store failed", error);
      return json({ error: "the counter is unavailable" }, 503);
    }
  };
}

const handle = createVisitsHandler({
  store: (context) => getStore({ name: visitStoreName(context?.deploy?.context), consistency: "strong" }),
  baseTotal: BASE_TOTAL,
});

export default async (req: Request, context: Context): Promise<Response> => handle(req, context);

export const config: Config = { path: "/api/visits" };
