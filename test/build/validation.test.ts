import { existsSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { formatIssue } from "../../scripts/content/issues.ts";
import { loadSite } from "../../scripts/content/load-site.ts";
import { article, buildContent, makeContent, runCli } from "../helpers/content.ts";

const ok = { title: "Bài hợp lệ", date: "2020-02-29T15:41:14+07:00", category: "lien-hiep-hoi" };

async function issuesFor(files: Record<string, string | Buffer>) {
  const dir = await makeContent(files);
  const { issues, model } = await loadSite({ contentDir: dir, preview: true });
  const lines = issues.map((i) => formatIssue({ ...i, file: relative(dir, join(process.cwd(), i.file)) }));
  return { issues, lines, model, dir };
}

describe("content validation", () => {
  it("reports a YAML syntax error at its line", async () => {
    const { lines } = await issuesFor({ "tin-tuc/2020/a.md": "---\ntitle: Bài\ndate: 2020-01-01\ncategory: [lien-hiep-hoi\n---\nx" });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^tin-tuc\/2020\/a\.md:[45]: yaml: .+ — check the quoting/);
  });
  it("reports a missing title and a missing date", async () => {
    const { lines } = await issuesFor({ "tin-tuc/2020/a.md": "---\ncategory: lien-hiep-hoi\n---\nx" });
    expect(lines).toContain("tin-tuc/2020/a.md:2: title: required — add a line like `title: Triển khai nhiệm vụ năm 2020`");
    expect(lines.some((l) => l.startsWith("tin-tuc/2020/a.md:2: date: required"))).toBe(true);
  });
  it("lists the valid keys for an unknown category", async () => {
    const { lines } = await issuesFor({ "tin-tuc/2020/a.md": article({ ...ok, category: "tin-tuc-chung" }) });
    expect(lines[0]).toMatch(/^tin-tuc\/2020\/a\.md:4: category: unknown category "tin-tuc-chung" — use one of: tin-hoat-dong, lien-hiep-hoi,/);
  });
  it("rejects an impossible date and the old site's date form", async () => {
    const { lines } = await issuesFor({
      "tin-tuc/2021/a.md": article({ ...ok, date: "2021-02-31" }),
      "tin-tuc/2020/b.md": article({ ...ok, date: "29/02/2020 03:41:14 PM" }),
    });
    expect(lines).toContain('tin-tuc/2021/a.md:3: date: "2021-02-31" is not a real calendar date — check the day and month');
    expect(lines).toContain(`tin-tuc/2020/b.md:3: date: "29/02/2020 03:41:14 PM" is in the old site's dd/MM/yyyy form — write 2020-02-29T15:41:14+07:00`);
  });
  it("requires image_alt with image, and a boolean draft", async () => {
    const { lines } = await issuesFor({
      "media/a.jpg": "x",
      "tin-tuc/2020/a.md": article({ ...ok, image: "../../media/a.jpg", draft: '"có"' }),
    });
    expect(lines).toContain("tin-tuc/2020/a.md:5: image: a cover image needs `image_alt:` describing it for readers who cannot see it");
    expect(lines).toContain("tin-tuc/2020/a.md:6: draft: must be true or false (without quotes)");
  });
  it("reports an empty file and a file that is not UTF-8", async () => {
    const latin = Buffer.from("---\ntitle: Ti\xeau \xf0\xe8\n---\n", "latin1");
    const { lines } = await issuesFor({ "tin-tuc/2020/empty.md": "", "tin-tuc/2020/latin.md": latin });
    expect(lines).toContain("tin-tuc/2020/empty.md:1: front matter: the file is empty — start the file with a line `---`, then `title:`, `date:` and `category:` lines, then a line `---`");
    expect(lines.find((l) => l.startsWith("tin-tuc/2020/latin.md:2: encoding: the file is not UTF-8"))).toMatch(/save it as UTF-8/);
  });
  it("names both files when two articles would share a URL", async () => {
    const { lines } = await issuesFor({
      "tin-tuc/2020/hoi-nghi.md": article(ok),
      "tin-tuc/cu/hoi-nghi.md": article({ ...ok, date: "2020-02-01" }),
    });
    expect(lines).toEqual([
      "tin-tuc/2020/hoi-nghi.md:1: url: /tin-tuc/2020/02/hoi-nghi/ is also the address of " + lines[0]!.split("address of ")[1],
      expect.stringMatching(/^tin-tuc\/cu\/hoi-nghi\.md:1: url: \/tin-tuc\/2020\/02\/hoi-nghi\/ is also the address of .*tin-tuc\/2020\/hoi-nghi\.md/),
    ]);
    expect(lines[0]).toMatch(/address of .*tin-tuc\/cu\/hoi-nghi\.md — rename one of the two files/);
  });
  it("reports a missing image with its line (npm run check)", async () => {
    const dir = await makeContent({ "tin-tuc/2020/a.md": article(ok, "Đoạn.\n\n![Ảnh](../../media/khong-co.jpg)\n") });
    const check = runCli("check", { CONTENT_DIR: dir });
    expect(check.status).toBe(1);
    expect(check.stderr).toMatch(/tin-tuc\/2020\/a\.md:9: image: .*khong-co\.jpg/);
  });
  it("reports unknown fields with the list of known ones", async () => {
    const { lines } = await issuesFor({ "tin-tuc/2020/a.md": article({ ...ok, titel: "x" }) });
    expect(lines[0]).toMatch(/unknown field\(s\) titel — remove or rename; known fields: title/);
  });
  it("reports every error of the tree in one run", async () => {
    const { issues, model } = await issuesFor({
      "tin-tuc/2020/a.md": article({ ...ok, category: "x" }),
      "tin-tuc/2020/b.md": article({ ...ok, date: "2021-02-31" }),
      "tin-tuc/2020/c.md": "",
    });
    expect(model).toBeUndefined();
    expect(issues.filter((i) => i.severity === "error").map((i) => i.file.split("/").pop())).toEqual(["a.md", "b.md", "c.md"]);
  });
  it("accepts a BOM, CRLF line endings and NFD text, and stores NFC", async () => {
    const nfd = "Triển khai nhiệm vụ Quảng Ngãi".normalize("NFD");
    const text = "\uFEFF" + article({ ...ok, title: nfd }, `${nfd}.\n`).replace(/\n/g, "\r\n");
    const { issues, model } = await issuesFor({ "tin-tuc/2020/a.md": text });
    expect(issues).toEqual([]);
    const a = model!.articles[0]!;
    expect(a.title).toBe("Triển khai nhiệm vụ Quảng Ngãi".normalize("NFC"));
    expect(a.title).not.toBe(nfd);
    expect(a.html).toContain("Triển khai nhiệm vụ Quảng Ngãi".normalize("NFC"));
  });
});

describe("npm run check and the production build on bad content", () => {
  it("exits 1, lists every error, and the build writes nothing", async () => {
    const dir = await makeContent({
      "tin-tuc/2020/a.md": article({ ...ok, category: "khong-co" }),
      "tin-tuc/2020/b.md": article({ ...ok, date: "2021-02-31" }),
    });
    const check = runCli("check", { CONTENT_DIR: dir });
    expect(check.status).toBe(1);
    expect(check.stderr).toMatch(/a\.md:4: category: unknown category "khong-co"/);
    expect(check.stderr).toMatch(/b\.md:3: date: "2021-02-31" is not a real calendar date/);
    expect(check.stderr).toMatch(/2 error\(s\)/);

    const build = await buildContent(dir);
    expect(build.status).toBe(1);
    expect(build.stderr).toMatch(/Build stopped: 2 error\(s\)/);
    expect(existsSync(join(build.outputDir, "index.html"))).toBe(false);
  });
  it("passes on valid content", () => {
    const check = runCli("check", {});
    expect(check.stderr).toBe("");
    expect(check.status).toBe(0);
    expect(check.stdout).toMatch(/OK: \d+ articles, \d+ pages checked/);
  });
});
