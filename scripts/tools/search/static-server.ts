import { readFile, stat } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { SITE_CSP } from "../../build/publish/headers.ts";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
};
/** Text types a CDN compresses on the fly; Pagefind's own files are gzipped already. */
const COMPRESSIBLE = new Set([".html", ".js", ".css", ".json"]);

export interface Transfer {
  path: string;
  /** Bytes on the wire: gzip size for compressible types, file size otherwise. */
  bytes: number;
}

export interface StaticServer {
  origin: string;
  transfers: Transfer[];
  close(): Promise<void>;
}

/** A small static file server for tests and measurements, counting what clients download. */
export async function serveStatic(root: string): Promise<StaticServer> {
  const transfers: Transfer[] = [];
  const server = http.createServer(async (req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    let file = path.join(root, pathname);
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = path.join(file, "index.html");
      const body = await readFile(file);
      const ext = path.extname(file);
      transfers.push({ path: pathname, bytes: COMPRESSIBLE.has(ext) ? gzipSync(body).length : body.length });
      res.writeHead(200, {
        "Content-Type": TYPES[ext] ?? "application/octet-stream",
        "Content-Security-Policy": SITE_CSP,
        "Cache-Control": "no-cache",
      });
      res.end(body);
    } catch {
      res.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    transfers,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
