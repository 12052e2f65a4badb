import { request } from "node:http";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildRedirects } from "../../scripts/build/publish/redirects.ts";
import { startPreviewServer, type PreviewServer } from "../../scripts/tools/preview-server.ts";

// Requests an attacker can craft to turn a redirect rule into a link off the site.
const ATTACKS = [
  "/mobile//evil.example",
  "/mobile//evil.example/",
  "/mobile///evil.example",
  "/mobile/%2F%2Fevil.example",
  "/mobile/%2f%2fevil.example",
  "/mobile/\\evil.example",
  "/mobile/%5Cevil.example",
  "/mobile/\\\\evil.example",
  "/mobile/%5C%5Cevil.example",
  "/mobile/https://evil.example",
  "/mobile/https:%2F%2Fevil.example",
  "/mobile/%09/evil.example",
  "/mobile.aspx?id=//evil.example",
  "/mobile.aspx?id=%2F%2Fevil.example",
  "/mobile.aspx?id=https://evil.example",
  "/default.aspx?id=//evil.example",
  "/default.aspx?id=%5C%5Cevil.example",
  "/Default.aspx?id=//evil.example",
  "/i1644-//evil.example",
  "/i1644-%2F%2Fevil.example",
  "//evil.example",
  "///evil.example",
  "/\\evil.example",
  "/gioi-thieu.aspx//evil.example",
];

interface Hop {
  status: number;
  location?: string;
}

/** One raw HTTP request: the path goes on the wire exactly as written (fetch would normalise it). */
function get(base: string, path: string): Promise<Hop> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method: "GET" }, (res) => {
      res.resume();
      resolve({ status: res.statusCode ?? 0, location: res.headers.location });
    });
    req.on("error", reject);
    req.end();
  });
}

/** Follows redirects as a browser would (WHATWG URL parsing), collecting every Location. */
async function follow(base: string, path: string): Promise<{ locations: string[]; origins: string[] }> {
  const locations: string[] = [];
  const origins: string[] = [];
  let current = path;
  for (let i = 0; i < 5; i++) {
    const hop = await get(base, current);
    if (hop.status < 300 || hop.status >= 400 || !hop.location) break;
    locations.push(hop.location);
    const next = new URL(hop.location, base + "/");
    origins.push(next.origin);
    if (next.origin !== new URL(base).origin) break;
    current = next.pathname + next.search;
  }
  return { locations, origins };
}

async function serve(redirects: string): Promise<PreviewServer> {
  const root = await mkdtemp(join(tmpdir(), "lhh-open-redirect-"));
  await writeFile(join(root, "_redirects"), redirects);
  return startPreviewServer({ root });
}

let site: PreviewServer;
let control: PreviewServer;
beforeAll(async () => {
  site = await serve(
    buildRedirects([
      { url: "/tin-tuc/2020/02/hoi-nghi-ban-chap-hanh/", legacyUrls: ["/i1644-hoi-nghi-ban-chap-hanh.aspx", "/Default.aspx?id=1644"] },
      { url: "/gioi-thieu/", legacyUrls: ["/gioi-thieu.aspx"] },
    ]),
  );
  // The rule the site used to generate, to prove these requests do escape through a splat target.
  control = await serve("/mobile/*  /:splat  301\n");
});
afterAll(async () => {
  await site?.close();
  await control?.close();
});

describe("open redirects, by Netlify's redirect engine over HTTP", () => {
  it("the old `/mobile/*  /:splat` rule did send readers off the site (control)", async () => {
    const { origins } = await follow(control.url, "/mobile//evil.example");
    expect(origins).toContain("http://evil.example");
  });

  it.each(ATTACKS)("%s never leads off the site", async (path) => {
    const { locations, origins } = await follow(site.url, path);
    for (const origin of origins) expect(origin, `${path} → ${locations.join(" → ")}`).toBe(new URL(site.url).origin);
    // Read as a browser would, whatever the base: absolute on this origin, or a path that names no host.
    for (const location of locations) {
      const trimmed = location.replace(/^[\s\x00-\x1f]+/, "");
      if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed)) expect(new URL(trimmed).origin, path).toBe(new URL(site.url).origin);
      else expect(trimmed, path).not.toMatch(/^[/\\]{2}/);
    }
  });

  it("still sends the old mobile address of an article to it", async () => {
    const { locations } = await follow(site.url, "/mobile.aspx?id=1644");
    expect(new URL(locations.at(-1)!, site.url).pathname).toMatch(/^\/tin-tuc\/2020\/02\/hoi-nghi-ban-chap-hanh\//);
  });

  it("generates no rule whose target carries request text in its path", () => {
    const text = buildRedirects([{ url: "/tin-tuc/2020/02/x/", legacyUrls: ["/i1-x.aspx", "/a b.aspx", "/tin-tức/x.aspx"] }]);
    for (const line of text.split("\n").filter((l) => l && !l.startsWith("#"))) {
      const target = line.split(/\s+/).at(-2)!;
      expect(target.split("?")[0], line).toMatch(/^\/(?![/\\])[^:*\\]*$/);
    }
  });
});
