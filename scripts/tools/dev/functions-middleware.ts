import { randomBytes, randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { resolve } from "node:path";
import { Readable } from "node:stream";
import { setEnvironmentContext } from "@netlify/blobs";
import { BlobsServer } from "@netlify/blobs/server";
import type { Context } from "@netlify/functions";
import visits from "../../../netlify/functions/visits.ts";

/*
 * Serves netlify/functions/* on the dev (and browser-test) server the way Netlify
 * does, against a local Blobs server that keeps its data in .cache/blobs. Without a
 * VISITS_SECRET in the environment the counter gets one made for this process.
 */

type NextFunction = (error?: unknown) => void;
export type Middleware = ((req: IncomingMessage, res: ServerResponse, next: NextFunction) => void) & {
  /** Stop the local Blobs server (it starts again on the next request). */
  close(): Promise<void>;
};

const ROUTES: Record<string, (req: Request, context: Context) => Promise<Response>> = {
  "/api/visits": visits,
};

// Locally there is no deploy and no waitUntil: the function then finishes its work before answering.
const LOCAL_CONTEXT = {} as Context;

function toRequest(req: IncomingMessage): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  return new Request(new URL(req.url ?? "/", `http://${req.headers.host ?? "localhost"}`), {
    method: req.method,
    headers,
    body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
    duplex: "half", // Node's fetch needs it to stream a request body
  } as RequestInit);
}

async function send(res: ServerResponse, response: Response): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, name) => res.setHeader(name, value));
  res.end(Buffer.from(await response.arrayBuffer()));
}

export function createFunctionsMiddleware(options: { directory?: string } = {}): Middleware {
  const directory = resolve(options.directory ?? ".cache/blobs");
  let server: BlobsServer | undefined;
  let ready: Promise<void> | undefined;
  process.env.VISITS_SECRET ||= randomBytes(32).toString("base64url");
  const start = () =>
    (ready ??= (async () => {
      const token = randomUUID();
      server = new BlobsServer({ directory, token });
      const url = `http://127.0.0.1:${(await server.start()).port}`;
      // The function's getStore() reads this context, as it reads Netlify's in production.
      setEnvironmentContext({ siteID: "local", token, edgeURL: url, uncachedEdgeURL: url });
    })());

  const middleware = (req: IncomingMessage, res: ServerResponse, next: NextFunction) => {
    const handler = ROUTES[(req.url ?? "/").split("?")[0]!];
    if (!handler) return next();
    start()
      .then(() => handler(toRequest(req), LOCAL_CONTEXT))
      .then((response) => send(res, response))
      .catch(next);
  };
  middleware.close = async () => {
    await server?.stop();
    server = undefined;
    ready = undefined;
  };
  return middleware;
}

/** For eleventyConfig.setServerOptions({ middleware: [functionsMiddleware] }). */
export const functionsMiddleware = createFunctionsMiddleware();
