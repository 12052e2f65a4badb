import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";

export interface StaticServer {
  url: string;
  close: () => Promise<void>;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".xml": "application/xml",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".wasm": "application/wasm",
  ".webmanifest": "application/manifest+json",
};

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isFile() ?? false;
}

/**
 * A small static server for the gates, serving `root` on 127.0.0.1 as a CDN would: a directory answers
 * with its index.html, a missing file with /404.html and status 404. `headers` go on every response.
 */
export async function startStaticServer(options: {
  root: string;
  port?: number;
  headers?: Record<string, string>;
}): Promise<StaticServer> {
  const server = createServer((req, res) => {
    void (async () => {
      const path = normalize(decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname));
      let file = join(options.root, path.endsWith("/") ? `${path}index.html` : path);
      let status = 200;
      if (!(await isFile(file)) && (await isFile(join(file, "index.html")))) {
        res.writeHead(301, { location: `${path}/` }).end();
        return;
      }
      if (!(await isFile(file))) {
        file = join(options.root, "404.html");
        status = 404;
        if (!(await isFile(file))) {
          res.writeHead(404, { "content-type": "text/plain" }).end("not found");
          return;
        }
      }
      const type = TYPES[extname(file).toLowerCase()] ?? "application/octet-stream";
      res.writeHead(status, { ...options.headers, "content-type": type });
      createReadStream(file).pipe(res);
    })().catch(() => res.writeHead(400).end());
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
