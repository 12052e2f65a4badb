import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { parseAllHeaders } from "@netlify/headers-parser";
import { parseAllRedirects } from "@netlify/redirect-parser";
import { RedirectsHandler } from "@netlify/redirects";

/**
 * A static server for a built site that behaves like Netlify's CDN where the
 * tests need it: header rules from netlify.toml and _headers are read by
 * Netlify's parser (@netlify/headers-parser) and applied as production does,
 * and redirects from _redirects by Netlify's engine (@netlify/redirects).
 */
export interface PreviewServerOptions {
  /** The built site, e.g. _site. */
  root: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Defaults to netlify.toml in the working directory. */
  netlifyToml?: string;
  /** Netlify Functions, as connect-style middleware (scripts/tools/dev/functions-middleware.ts); static files otherwise. */
  functions?: (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;
}

export interface PreviewServer {
  url: string;
  close: () => Promise<void>;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".yml": "text/yaml; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".wasm": "application/wasm",
};

/** Netlify's default when no header rule sets one. */
const DEFAULT_CACHE_CONTROL = "public, max-age=0, must-revalidate";

const NOT_A_FILE = new Set(["_redirects", "_headers"]);

/** The file Netlify would serve for a path: exact file, or the folder's index.html. */
async function findFile(root: string, pathname: string): Promise<string | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  const file = path.join(root, path.normalize(decoded));
  if (!file.startsWith(root) || NOT_A_FILE.has(path.basename(file))) return undefined;
  for (const candidate of decoded.endsWith("/") ? [path.join(file, "index.html")] : [file, path.join(file, "index.html"), `${file}.html`]) {
    const info = await stat(candidate).catch(() => undefined);
    if (info?.isFile()) return candidate;
  }
  return undefined;
}

async function fileResponse(file: string, status = 200): Promise<Response> {
  const type = TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream";
  return new Response(await readFile(file), { status, headers: { "content-type": type } });
}

type HeaderRule = { forRegExp: RegExp; values: Record<string, string> };

async function headerRules(root: string, netlifyToml: string) {
  const headersFiles = [path.join(root, "_headers")];
  return parseAllHeaders({ headersFiles, netlifyConfigPath: netlifyToml, configHeaders: [], minimal: false });
}

/**
 * The headers production sends for a path: every rule that matches applies, and a header set by
 * several rules is sent once with their values joined by ", " (so two Content-Security-Policy
 * rules make two policies, both enforced). Custom headers replace the server's own (Content-Type).
 * @netlify/headers, the engine of `netlify dev`, lets the last rule win instead, which hides that.
 */
export function headersFor(rules: HeaderRule[], pathname: string): Map<string, string> {
  const values = new Map<string, string[]>();
  for (const rule of rules.filter((r) => r.forRegExp.test(pathname))) {
    for (const [name, value] of Object.entries(rule.values)) {
      const key = name.toLowerCase();
      values.set(key, [...(values.get(key) ?? []), value]);
    }
  }
  return new Map([...values].map(([name, list]) => [name, list.join(", ")]));
}

/** Parse errors make Netlify ignore rules silently; here they stop the server. */
async function checkConfig(root: string, netlifyToml: string): Promise<void> {
  const headers = await headerRules(root, netlifyToml);
  const redirects = await parseAllRedirects({
    redirectsFiles: [path.join(root, "_redirects")],
    netlifyConfigPath: netlifyToml,
    configRedirects: [],
    minimal: false,
  });
  const errors = [...headers.errors, ...redirects.errors].map((e: { message?: string }) => e.message);
  if (errors.length > 0) throw new Error(`Netlify configuration errors:\n${errors.join("\n")}`);
}

function toRequest(req: IncomingMessage, base: string): Request {
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (typeof value === "string") headers.set(key, value);
    else if (Array.isArray(value)) for (const v of value) headers.append(key, v);
  }
  return new Request(new URL(req.url ?? "/", base), { method: req.method, headers });
}

async function send(res: ServerResponse, response: Response, head: boolean): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, key) => res.setHeader(key, value));
  res.end(head ? undefined : Buffer.from(await response.arrayBuffer()));
}

export async function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  const root = path.resolve(options.root);
  const netlifyToml = path.resolve(options.netlifyToml ?? "netlify.toml");
  await checkConfig(root, netlifyToml);
  const redirects = new RedirectsHandler({
    configPath: netlifyToml,
    configRedirects: [],
    jwtRoleClaim: "app_metadata.authorization.roles",
    jwtSecret: "preview",
    projectDir: root,
    publicDir: root,
  });

  // Parsed again only when netlify.toml or _headers changes: a test may write them after the start.
  let parsed: { key: string; rules: HeaderRule[] } | undefined;
  const currentRules = async () => {
    const times = await Promise.all([netlifyToml, path.join(root, "_headers")].map((f) => stat(f).then((s) => s.mtimeMs, () => 0)));
    const key = times.join();
    if (parsed?.key !== key) parsed = { key, rules: (await headerRules(root, netlifyToml)).headers as HeaderRule[] };
    return parsed.rules;
  };

  const getStaticFile = async (request: Request) => {
    const file = await findFile(root, new URL(request.url).pathname);
    return file ? () => fileResponse(file) : undefined;
  };

  const notFound = async () => {
    const page = path.join(root, "404.html");
    const exists = await stat(page).then((s) => s.isFile(), () => false);
    return exists ? fileResponse(page, 404) : new Response("Not found", { status: 404 });
  };

  const route = async (request: Request): Promise<Response> => {
    const { pathname } = new URL(request.url);
    // Netlify serves a folder's index at its URL with a trailing slash.
    if (!pathname.endsWith("/") && !path.extname(pathname) && (await findFile(root, `${pathname}/`))) {
      return new Response(null, { status: 301, headers: { location: `${pathname}/` } });
    }
    const match = await redirects.match(request);
    const routed = match ? await redirects.handle(request, match, getStaticFile) : undefined;
    return routed ?? (await (await getStaticFile(request))?.()) ?? (await notFound());
  };

  const handle = async (request: Request): Promise<Response> => {
    const response = await route(request);
    // Redirect responses are immutable; copy into one whose headers we may set.
    const out = new Response(response.body, { status: response.status, headers: response.headers });
    for (const [name, value] of headersFor(await currentRules(), new URL(request.url).pathname)) out.headers.set(name, value);
    if (!out.headers.has("cache-control")) out.headers.set("cache-control", DEFAULT_CACHE_CONTROL);
    return out;
  };

  const server = createServer((req, res) => {
    const fail = (error: unknown) => {
      res.statusCode = 500;
      res.end(String(error));
    };
    const serveStatic = () =>
      handle(toRequest(req, base))
        .then((response) => send(res, response, req.method === "HEAD"))
        .catch(fail);
    if (options.functions) options.functions(req, res, (error) => (error ? fail(error) : serveStatic()));
    else serveStatic();
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((e) => (e ? reject(e) : resolve()));
        // Browsers keep connections alive; close() alone would wait for them.
        server.closeAllConnections();
      }),
  };
}
