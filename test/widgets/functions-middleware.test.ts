import { createServer, type Server } from "node:http";
import { mkdtemp, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createFunctionsMiddleware } from "../../scripts/tools/dev/functions-middleware.ts";
import { BASE_TOTAL } from "../../widgets/counter/base-total.ts";

let server: Server;
let base = "";
let directory = "";
const middleware = createFunctionsMiddleware({ directory: (directory = await mkdtemp(join(tmpdir(), "dev-blobs-"))) });

beforeAll(async () => {
  server = createServer((req, res) =>
    middleware(req, res, () => {
      res.statusCode = 404;
      res.end("static");
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(async () => {
  await middleware.close();
  await new Promise((resolve) => server.close(resolve));
});

it("serves /api/visits from the function, with data kept in the given folder", async () => {
  const first = (await (await fetch(`${base}/api/visits`)).json()) as { total: number; token: string };
  expect(first.total).toBe(BASE_TOTAL);
  // Signed with VISITS_SECRET, or with a secret the middleware made for this process.
  expect(first.token).toMatch(/^[0-9a-z]+\.[\w-]{22}\.[\w-]{43}$/);
  const res = await fetch(`${base}/api/visits?from=test`, {
    method: "POST",
    headers: { origin: base, "content-type": "application/json" },
    body: JSON.stringify({ token: first.token }),
  });
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  expect(await res.json()).toEqual({ counted: true });
  expect(await readdir(join(directory, "entries"))).toEqual(["local"]);
});

it("passes the function's refusals through and leaves other paths to the next handler", async () => {
  expect((await fetch(`${base}/api/visits`, { method: "DELETE" })).status).toBe(405);
  const headers = { origin: base, "content-type": "application/json" };
  expect((await fetch(`${base}/api/visits`, { method: "POST", headers, body: "x".repeat(5000) })).status).toBe(413);
  const { token } = (await (await fetch(`${base}/api/visits`)).json()) as { token: string };
  const foreign = { ...headers, origin: "https://evil.example" };
  expect((await fetch(`${base}/api/visits`, { method: "POST", headers: foreign, body: JSON.stringify({ token }) })).status).toBe(403);
  const other = await fetch(`${base}/tin-tuc/`);
  expect([other.status, await other.text()]).toEqual([404, "static"]);
  expect(((await (await fetch(`${base}/api/visits`)).json()) as { total: number }).total).toBe(BASE_TOTAL + 1);
});
