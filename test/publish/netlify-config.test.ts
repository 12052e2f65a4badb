import { mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { parseAllHeaders } from "@netlify/headers-parser";
import { parseAllRedirects } from "@netlify/redirect-parser";
import { parse } from "smol-toml";
import { beforeAll, describe, expect, it } from "vitest";
import { ADMIN_CSP, SITE_CSP, writeHeaders } from "../../scripts/build/publish/headers.ts";
import { headersFor } from "../../scripts/tools/preview-server.ts";
import { repoRoot } from "../support/content.ts";

const toml = join(repoRoot, "netlify.toml");

// The top level of a built site, plus traps: folders whose names begin like "admin" (Netlify reads
// `/a/*` as "starts with /a", which would reach /admin/) and a root page.
const OUTPUT = [
  "index.html",
  "404.html",
  "feed.xml",
  "_redirects",
  "tin-tuc/2020/02/trien-khai-nhiem-vu-nam-2020/index.html",
  "chuyen-muc/lien-hiep-hoi/feed.xml",
  "gioi-thieu/index.html",
  "assets/site.0123456789.css",
  "media/2020/anh-760.9f8e7d6c.avif",
  "media/2020/cong-van.pdf",
  "pagefind/pagefind.js",
  "admin/index.html",
  "admin/config.yml",
  "admin/cms.0123456789.js",
  "a/index.html",
  "ad/bai/index.html",
  "adm.txt",
  "administration/index.html",
];
let site: string;

beforeAll(async () => {
  site = await mkdtemp(join(tmpdir(), "lhh-headers-"));
  for (const file of OUTPUT) {
    await mkdir(dirname(join(site, file)), { recursive: true });
    await writeFile(join(site, file), "x");
  }
  await writeHeaders(site);
});

async function headerRules(withSite = true) {
  const headersFiles = withSite ? [join(site, "_headers")] : [];
  const { headers, errors } = await parseAllHeaders({ headersFiles, netlifyConfigPath: toml, configHeaders: [], minimal: false });
  expect(errors).toEqual([]);
  return headers as { for: string; forRegExp: RegExp; values: Record<string, string> }[];
}

/** What Netlify's parser says each rule sets for a path, header by header. */
async function matching(path: string) {
  const rules = (await headerRules()).filter((r) => r.forRegExp.test(path));
  const set = new Map<string, string[]>();
  for (const rule of rules) for (const [k, v] of Object.entries(rule.values)) set.set(k.toLowerCase(), [...(set.get(k.toLowerCase()) ?? []), v]);
  return set;
}

const directives = (csp: string) => new Map(csp.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...v]) => [name!, v]));

const PATHS = [
  "/",
  "/tin-tuc/2020/02/trien-khai-nhiem-vu-nam-2020/",
  "/chuyen-muc/lien-hiep-hoi/feed.xml",
  "/assets/site.0123456789.css",
  "/media/2020/anh.9f8e7d6c.avif",
  "/pagefind/pagefind.js",
  "/pagefind/pagefind-entry.json",
  "/pagefind/pagefind-worker.js",
  "/pagefind/wasm.vi.pagefind",
  "/pagefind/pagefind.vi_ea47a2f50f.pf_meta",
  "/pagefind/fragment/vi_64896ef.pf_fragment",
  "/pagefind/index/vi_6cebbc7.pf_index",
  "/pagefind/filter/vi_6539961.pf_filter",
  "/media/2020/cong-van.pdf",
  "/media/2020/Bao-cao.DOCX",
  "/admin/",
  "/admin/config.yml",
];

/** Every URL of the synthetic output: each file, and each folder with an index.html. */
const URLS = OUTPUT.filter((f) => f !== "_redirects").flatMap((f) => ["/" + f, ...(f.endsWith("index.html") ? ["/" + f.slice(0, -10)] : [])]);

describe("netlify.toml", () => {
  it("has the build settings", async () => {
    const config = parse(await readFile(toml, "utf8")) as any;
    expect(config.build).toMatchObject({ command: "npm run build", publish: "_site", functions: "netlify/functions" });
    expect(config.build.environment.NODE_VERSION).toBe("22");
    expect(config.plugins).toEqual([{ package: "netlify-plugin-cache", inputs: { paths: [".cache/images", ".cache/search"] } }]);
  });

  it("parses with Netlify's header and redirect parsers without errors", async () => {
    expect(await headerRules(false)).toHaveLength(25);
    const redirects = await parseAllRedirects({ redirectsFiles: [], netlifyConfigPath: toml, configRedirects: [], minimal: false });
    expect(redirects.errors).toEqual([]);
  });

  it("gives the site a strict Content-Security-Policy", async () => {
    const [csp] = (await matching("/tin-tuc/2020/02/x/")).get("content-security-policy")!;
    const d = directives(csp!);
    expect(d.get("script-src")).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(d.get("style-src")).toEqual(["'self'"]);
    expect(d.get("frame-src")).toEqual(["https://www.youtube-nocookie.com"]);
    expect(d.get("connect-src")).toEqual(["'self'"]);
    expect(d.get("default-src")).toEqual(["'self'"]);
    expect(d.get("img-src")).toEqual(["'self'", "data:"]);
    expect(d.get("object-src")).toEqual(["'none'"]);
    expect(d.get("base-uri")).toEqual(["'self'"]);
    expect(d.get("form-action")).toEqual(["'self'"]);
    expect(d.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).not.toContain("'unsafe-eval'");
  });

  it("lets the CMS at /admin/ evaluate code and reach GitHub's API, and nothing else does", async () => {
    const admin = (await matching("/admin/")).get("content-security-policy")!;
    expect(admin).toEqual([ADMIN_CSP]);
    const d = directives(admin[0]!);
    expect(d.get("script-src")).toContain("'unsafe-eval'");
    // blob:: Decap reads an upload back from its blob: URL before sending it (test/browser/admin.test.ts uploads one).
    expect(d.get("connect-src")).toEqual(["'self'", "blob:", "https://api.github.com"]);
    for (const path of PATHS.filter((p) => !p.startsWith("/admin/"))) {
      expect((await matching(path)).get("content-security-policy"), path).toEqual([SITE_CSP]);
    }
  });

  it("gives every path of a built site exactly one policy: the editor's under /admin/, the site's elsewhere", async () => {
    const rules = await headerRules();
    for (const url of URLS) {
      const expected = url.startsWith("/admin/") ? ADMIN_CSP : SITE_CSP;
      expect((await matching(url)).get("content-security-policy"), url).toEqual([expected]);
      // As production sends it: every matching rule, repeated headers joined.
      expect(headersFor(rules, url).get("content-security-policy"), url).toBe(expected);
    }
  });

  it("never sets a header twice for one path (Netlify would join the values)", async () => {
    for (const path of [...PATHS, ...URLS]) {
      for (const [name, values] of await matching(path)) expect(values, `${path} ${name}`).toHaveLength(1);
    }
  });

  it("sends documents and videos as what they are, revalidated, and never as something a browser would run", async () => {
    const types: Record<string, string> = {
      pdf: "application/pdf",
      doc: "application/msword",
      docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      xls: "application/vnd.ms-excel",
      xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      odt: "application/vnd.oasis.opendocument.text",
      ods: "application/vnd.oasis.opendocument.spreadsheet",
      mp4: "video/mp4",
    };
    for (const [ext, type] of Object.entries(types)) {
      const set = await matching(`/media/2020/tai-lieu.${ext}`);
      expect(set.get("content-type"), ext).toEqual([type]);
      expect(set.get("x-content-type-options"), ext).toEqual(["nosniff"]);
      // Editors may replace a document under the same name: never cached as immutable.
      expect(set.get("cache-control"), ext).toBeUndefined();
    }
    expect((await matching("/media/2020/tai-lieu.html")).get("content-type")).toBeUndefined();
  });

  it("sends the security headers everywhere", async () => {
    for (const path of PATHS) {
      const set = await matching(path);
      expect(set.get("x-content-type-options"), path).toEqual(["nosniff"]);
      expect(set.get("referrer-policy"), path).toEqual(["strict-origin-when-cross-origin"]);
      expect(set.get("strict-transport-security")![0], path).toMatch(/^max-age=31536000/);
      expect(set.get("permissions-policy")![0], path).toContain("camera=()");
    }
  });

  it("caches fingerprinted files for a year and revalidates everything else", async () => {
    const cache = async (path: string) => (await matching(path)).get("cache-control");
    const immutable = ["public, max-age=31536000, immutable"];
    const revalidate = ["public, max-age=0, must-revalidate"];
    for (const path of PATHS.filter((p) => /\/(assets|media|fragment|index|filter)\/|\.pf_meta$/.test(p) && !/\.(pdf|docx)$/i.test(p))) {
      expect(await cache(path), path).toEqual(immutable);
    }
    for (const path of ["/pagefind/pagefind.js", "/pagefind/pagefind-entry.json", "/pagefind/pagefind-worker.js", "/pagefind/wasm.vi.pagefind"]) {
      expect(await cache(path), path).toEqual(revalidate);
    }
    // HTML and feeds keep Netlify's default, which is the same revalidation.
    for (const path of ["/", "/tin-tuc/2020/02/x/", "/feed.xml"]) expect(await cache(path), path).toBeUndefined();
  });
});
