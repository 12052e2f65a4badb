import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseAllRedirects } from "@netlify/redirect-parser";
import { RedirectsHandler } from "@netlify/redirects";
import { describe, expect, it } from "vitest";
import { ContentError } from "../../scripts/build/content/issues.ts";
import { buildRedirects, legacyId, type RedirectEntry } from "../../scripts/build/publish/redirects.ts";

const HOI_NGHI = "/tin-tuc/2020/02/hoi-nghi-ban-chap-hanh/";
const TOA_DAM = "/tin-tuc/2021/05/toa-dam-khoa-hoc/";
const GIOI_THIEU = "/tin-tuc/2019/01/gioi-thieu-lien-hiep-hoi/";

const entries: RedirectEntry[] = [
  { url: HOI_NGHI, legacyUrls: ["/i1644-hoi-nghi-ban-chap-hanh.aspx", "/Default.aspx?id=1644"] },
  { url: TOA_DAM, legacyUrls: ["/i2001-toa-dam.aspx"] },
  { url: GIOI_THIEU, legacyUrls: ["/gioi-thieu.aspx", "/tin-tức/giới-thiệu.aspx"] },
  { url: "/tin-tuc/2022/01/khong-co-dia-chi-cu/", legacyUrls: [] },
];

async function writeRedirects(text: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "lhh-redirects-"));
  await writeFile(join(dir, "_redirects"), text);
  return dir;
}

/** Follows redirects with Netlify's own matcher, as a browser would. */
async function follow(dir: string, path: string): Promise<string[]> {
  const handler = new RedirectsHandler({ configRedirects: [], jwtRoleClaim: "", jwtSecret: "x", projectDir: dir, publicDir: dir });
  const hops: string[] = [];
  let url = `http://localhost${path}`;
  for (let i = 0; i < 5; i++) {
    const match = await handler.match(new Request(url));
    if (!match) break;
    expect(match.statusCode).toBe(301);
    url = match.target.href;
    hops.push(match.target.pathname);
  }
  return hops;
}

describe("buildRedirects", () => {
  const text = buildRedirects(entries);

  it("parses with Netlify's parser without errors, one rule per line", async () => {
    const dir = await writeRedirects(text);
    const { redirects, errors } = await parseAllRedirects({ redirectsFiles: [join(dir, "_redirects")], configRedirects: [], minimal: false });
    expect(errors).toEqual([]);
    // 2 exact paths (one non-ASCII, in two forms), 2 ids × 2 shapes, 5 generic rules.
    expect(redirects).toHaveLength(3 + 4 + 5);
    expect(redirects.every((r) => (r as { status: number }).status === 301)).toBe(true);
  });

  it("sends every old address shape to the article, by Netlify's matcher", async () => {
    const dir = await writeRedirects(text);
    const cases: [string, string][] = [
      ["/i1644-hoi-nghi-ban-chap-hanh.aspx", HOI_NGHI],
      ["/i1644-a-slug-edited-later.aspx", HOI_NGHI],
      ["/Default.aspx?id=1644", HOI_NGHI],
      ["/default.aspx?id=1644", HOI_NGHI],
      ["/mobile.aspx?id=1644", HOI_NGHI],
      ["/Default.aspx?id=2001", TOA_DAM],
      ["/i2001-toa-dam.aspx", TOA_DAM],
      ["/gioi-thieu.aspx", GIOI_THIEU],
      ["/tin-t%E1%BB%A9c/gi%E1%BB%9Bi-thi%E1%BB%87u.aspx", GIOI_THIEU],
      ["/Default.aspx", "/"],
    ];
    for (const [from, to] of cases) {
      const hops = await follow(dir, from);
      expect(hops.at(-1), from).toBe(to);
      expect(hops.length, from).toBeLessThanOrEqual(2);
    }
  });

  it("does not send an unknown id or a longer id to an article", async () => {
    const dir = await writeRedirects(text);
    expect(await follow(dir, "/i16445-other.aspx")).toEqual([]);
    expect(await follow(dir, "/i164-other.aspx")).toEqual([]);
    expect(await follow(dir, "/Default.aspx?id=99")).toEqual(["/"]);
    expect(await follow(dir, "/tin-tuc/2020/02/hoi-nghi-ban-chap-hanh/")).toEqual([]);
  });

  it("reads the old article id from each shape", () => {
    expect(legacyId("/i1644-hoi-nghi.aspx")).toBe("1644");
    expect(legacyId("/mobile/i1644-x.aspx")).toBeUndefined();
    expect(legacyId("/Default.aspx?id=1644")).toBe("1644");
    expect(legacyId("/mobile.aspx?id=77&lang=vi")).toBe("77");
    expect(legacyId("/gioi-thieu.aspx")).toBeUndefined();
    expect(legacyId("/Default.aspx?id=abc")).toBeUndefined();
  });

  it("names both articles when two claim the same old address or id", () => {
    const run = () =>
      buildRedirects([
        { url: HOI_NGHI, legacyUrls: ["/i1644-hoi-nghi.aspx", "/gioi-thieu.aspx"], file: "content/tin-tuc/2020/hoi-nghi.md", line: 7 },
        { url: TOA_DAM, legacyUrls: ["/Default.aspx?id=1644", "/gioi-thieu.aspx"], file: "content/tin-tuc/2021/toa-dam.md", line: 6 },
      ]);
    expect(run).toThrow(ContentError);
    const issues = (() => {
      try {
        run();
      } catch (e) {
        return (e as ContentError).issues;
      }
      return [];
    })();
    expect(issues).toHaveLength(2);
    for (const issue of issues) {
      expect(issue.file).toBe("content/tin-tuc/2021/toa-dam.md");
      expect(issue.line).toBe(6);
      expect(issue.message).toContain("content/tin-tuc/2020/hoi-nghi.md");
      expect(issue.message).toContain("content/tin-tuc/2020/hoi-nghi.md:7");
    }
    expect(issues[0]!.message).toMatch(/old article id 1644/);
  });

  it("rejects addresses that are not paths, saying how to write them", () => {
    expect(() => buildRedirects([{ url: HOI_NGHI, legacyUrls: ["https://old.example/i1-x.aspx"], file: "a.md" }])).toThrow(
      /a\.md:1: legacy_url: "https:\/\/old\.example\/i1-x\.aspx" must be a path on the old site, without the domain/,
    );
    expect(() => buildRedirects([{ url: HOI_NGHI, legacyUrls: ["i1-x.aspx"], file: "a.md" }])).toThrow(/must start with \//);
  });
});
