import { mkdir, mkdtemp, readFile, rename, rm, unlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateFixtures } from "../../scripts/tools/fixtures/generate.ts";
import { listFiles } from "../../scripts/build/list-files.ts";
import { article, buildContent, repoRoot } from "../support/content.ts";
import { startDevServer, type DevServer } from "../support/dev-server.ts";
import { until } from "../support/wait.ts";

const RELOAD_TAG = `<script src="/__dev/reload.js"></script>`;

function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `dev:   …${a.slice(Math.max(0, i - 80), i + 120)}\nbuilt: …${b.slice(Math.max(0, i - 80), i + 120)}`;
}

// `npm start` renders pages on request from its in-memory model; after edits, creations, renames and
// deletions its pages must be byte-for-byte a production build's of the same tree. Dev-only
// differences: the live-reload script, and drafts (off here: PREVIEW=0 makes the dev server publish-like).
describe("dev server equals the production build", () => {
  let content: string;
  let output: string;
  let server: DevServer;
  let origin: string;
  const get = (path: string) => fetch(`${origin}${path}`);

  beforeAll(async () => {
    const work = await mkdtemp(join(tmpdir(), "lhh-dev-"));
    content = join(work, "content");
    output = join(work, "dev-out");
    await generateFixtures({ articles: 40, out: content, images: 2 });
    server = await startDevServer(repoRoot, { CONTENT_DIR: content, OUTPUT_DIR: output, PREVIEW: "0" });
    origin = server.origin;
  }, 120_000);

  afterAll(async () => {
    server?.stop();
    await rm(join(content, ".."), { recursive: true, force: true });
  });

  it("serves every page of a production build, identical, after edits, a new file, a rename and a deletion", async () => {
    const files = (await listFiles(join(content, "tin-tuc"), [".md"])).map((f) => join(content, "tin-tuc", f));
    const pageUrl = async (file: string) => {
      const text = await readFile(file, "utf8");
      const date = /^date: "?(\d{4})-(\d{2})/m.exec(text)!;
      return `/tin-tuc/${date[1]}/${date[2]}/${file.split("/").pop()!.replace(/\.md$/, "")}/`;
    };

    // Edit the home page's lead article: the new title shows on its own page and on the home page.
    const lead = /class="lead-title"><a href="([^"]+)"/.exec(await (await get("/")).text())![1]!;
    const edited = files.find((f) => f.endsWith(`/${lead.split("/").at(-2)}.md`))!;
    const editedUrl = await pageUrl(edited);
    expect(editedUrl).toBe(lead);
    await writeFile(edited, (await readFile(edited, "utf8")).replace(/^title: .*$/m, "title: Tiêu đề đã sửa ở máy chủ thử"));
    await until("the edit", async () => (await (await get(editedUrl)).text()).includes("Tiêu đề đã sửa ở máy chủ thử"));
    expect((await (await get("/")).text()).includes("Tiêu đề đã sửa ở máy chủ thử")).toBe(true);

    // A new article, dated an hour ago so that it leads the home page.
    const date = DateTime.now().setZone("Asia/Ho_Chi_Minh").minus({ hours: 1 }).startOf("second");
    const created = join(content, "tin-tuc", date.toFormat("yyyy"), "bai-viet-moi-tao.md");
    const createdUrl = `/tin-tuc/${date.toFormat("yyyy/MM")}/bai-viet-moi-tao/`;
    await mkdir(dirname(created), { recursive: true });
    await writeFile(created, article({ title: "Bài viết mới tạo trong lúc chạy", date: date.toISO({ suppressMilliseconds: true })!, category: "lien-hiep-hoi", tags: "[hội nghị mới]" }));
    await until("the new article", async () => (await get(createdUrl)).status === 200);
    expect((await (await get("/")).text()).includes(createdUrl)).toBe(true);
    expect((await get("/the/hoi-nghi-moi/")).status).toBe(200);
    // The editor UI's index of the tree, which it checks a save against, has the new article's address.
    const tree = (await (await get("/admin/tree.json")).json()) as { documents: { url: string }[] };
    expect(tree.documents.map((d) => d.url)).toContain(createdUrl);

    // Rename and delete articles no other article links to (a broken link would stop both builds).
    const texts = await Promise.all(files.map((f) => readFile(f, "utf8")));
    const [renamedFrom, deleted] = files.filter((f) => f !== edited && !texts.some((t) => t.includes(`/${f.split("/").pop()}`)));
    // Rename: the old URL is gone, the new one answers.
    const oldUrl = await pageUrl(renamedFrom!);
    const renamedTo = renamedFrom!.replace(/\.md$/, "-doi-ten.md");
    await rename(renamedFrom!, renamedTo);
    const newUrl = await pageUrl(renamedTo);
    await until("the rename", async () => (await get(oldUrl)).status === 404 && (await get(newUrl)).status === 200);

    // Deletion: 404, and listed nowhere.
    const deletedUrl = await pageUrl(deleted!);
    await unlink(deleted!);
    await until("the deletion", async () => (await get(deletedUrl)).status === 404);
    expect((await (await get("/")).text()).includes(deletedUrl)).toBe(false);

    const built = await buildContent(content);
    expect(built.status, built.stderr).toBe(0);
    const pages = (await listFiles(built.outputDir, [".html", ".xml", ".txt"]))
      .concat("_redirects")
      .filter((f) => !/^(admin|pagefind|media|assets)\//.test(f));
    const devPages = (await (await get("/__dev/pages")).json()) as string[];
    expect(devPages.map((p) => p.slice(1)).sort()).toEqual([...pages].sort());
    expect(pages.length).toBeGreaterThan(60);
    for (const page of pages) {
      const path = `/${page}`.replace(/index\.html$/, "");
      const response = await get(path);
      expect(response.status, path).toBe(page === "404.html" ? 404 : 200);
      const devBody = (await response.text()).replace(RELOAD_TAG, "");
      const builtBody = await readFile(join(built.outputDir, page), "utf8");
      if (devBody !== builtBody) expect.fail(`${path} differs from the production build:\n${firstDifference(devBody, builtBody)}`);
    }
    for (const gone of [oldUrl, deletedUrl]) {
      expect(pages).not.toContain(`${gone.slice(1)}index.html`);
      const listing = await readFile(join(built.outputDir, "index.html"), "utf8");
      expect(listing).not.toContain(gone);
    }
    await rm(built.outputDir, { recursive: true, force: true });
  }, 300_000);

  it("shows a content error in the browser, in Vietnamese, naming the file and line, instead of any page", async () => {
    const file = (await listFiles(content, [".md"])).map((f) => join(content, f)).find((f) => f.endsWith("/bai-viet-moi-tao.md"))!;
    const good = await readFile(file, "utf8");
    await writeFile(file, good.replace("category: lien-hiep-hoi", "category: khong-co"));
    await until("the error page", async () => (await get("/")).status === 500);
    const html = await (await get("/")).text();
    expect(html).toContain("Nội dung có 1 lỗi");
    expect(html).toMatch(/bai-viet-moi-tao\.md:\d+: category: không có chuyên mục/);
    expect(server.log()).toMatch(/bai-viet-moi-tao\.md:\d+: category/);
    await writeFile(file, good);
    await until("the fix", async () => (await get("/")).status === 200);
  }, 120_000);

  it("gives pages the live-reload script, and never /admin/", async () => {
    expect((await (await get("/")).text()).includes(RELOAD_TAG)).toBe(true);
    const admin = await get("/admin/");
    expect(admin.status).toBe(200);
    expect((await admin.text()).includes("/__dev/")).toBe(false);
  });
});
