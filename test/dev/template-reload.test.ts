// `npm start` takes up a change to a layout, a route or a widget by importing the templates again,
// with the content model kept in memory; a change to code the pipeline imports once (here the
// <picture> markup the image stage renders) starts a new renderer. The server runs on a copy of the
// project's code, so that the test can edit templates without touching the repository's.
import { cp, mkdtemp, readFile, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyProjectCode } from "../../scripts/tools/bench/project-copy.ts";
import { FIXTURE_TREE } from "../../scripts/tools/fixtures/tree.ts";
import { repoRoot } from "../support/content.ts";
import { startDevServer, type DevServer } from "../support/dev-server.ts";
import { until } from "../support/wait.ts";

const ARTICLE = "/tin-tuc/2020/02/trien-khai-nhiem-vu-nam-2020/";

describe("dev server: template changes", () => {
  let project: string;
  let server: DevServer;
  let origin: string;
  const page = async (path = ARTICLE) => {
    const res = await fetch(`${origin}${path}`);
    return { status: res.status, html: await res.text() };
  };
  /** Replace text in a file of the copy as editors that save atomically do: a new file renamed over the old. */
  const saveAtomically = async (file: string, from: string, to: string) => {
    const path = join(project, file);
    const text = await readFile(path, "utf8");
    expect(text).toContain(from);
    await writeFile(`${path}.new`, text.replace(from, to));
    await rename(`${path}.new`, path);
  };
  const saveInPlace = async (file: string, from: string, to: string) => {
    const path = join(project, file);
    const text = await readFile(path, "utf8");
    expect(text).toContain(from);
    await writeFile(path, text.replace(from, to));
  };

  beforeAll(async () => {
    project = await mkdtemp(join(tmpdir(), "lhh-dev-code-"));
    await copyProjectCode(repoRoot, project);
    await cp(FIXTURE_TREE, join(project, "content"), { recursive: true });
    server = await startDevServer(project, { CONTENT_DIR: join(project, "content"), OUTPUT_DIR: join(project, "dev-out"), PREVIEW: "0" });
    origin = server.origin;
  }, 120_000);

  afterAll(async () => {
    server?.stop();
    await rm(project, { recursive: true, force: true });
  });

  it("imports a changed layout or widget again without a restart, after atomic and in-place saves alike", async () => {
    expect((await page()).html).toContain('<footer class="site-footer">');
    await saveAtomically("layouts/base.tsx", '<footer class="site-footer">', '<footer class="site-footer" data-test="lan-1">');
    await until("the first layout save", async () => (await page()).html.includes('data-test="lan-1"'));
    // Node's recursive fs.watch lost a file once it was replaced by a rename: the next save went unseen.
    await saveAtomically("layouts/base.tsx", 'data-test="lan-1"', 'data-test="lan-2"');
    await until("the second layout save", async () => (await page()).html.includes('data-test="lan-2"'));
    await saveInPlace("widgets/links/Links.tsx", '<ul class="web-links">', '<ul class="web-links" data-test="hop">');
    await until("the widget save", async () => (await page("/")).html.includes('data-test="hop"'));
    expect(server.log()).toContain("[dev] templates changed");
    expect(server.log()).not.toContain("restarting the renderer");
  }, 120_000);

  it("shows a template that does not compile as an error on every page, never the last good page, until it is fixed", async () => {
    await saveInPlace("layouts/base.tsx", '<footer class="site-footer" data-test="lan-2">', '<footer class="site-footer" data-test="lan-3"');
    await until("the error page", async () => (await page()).status === 500);
    const shown = await page();
    expect(shown.html).not.toContain('data-test="lan-2"');
    expect(shown.html).toContain("base.tsx");
    // A content save meanwhile (taken up: the renderer reports the template error again) does not bring the old templates back.
    const reports = () => server.log().split("[dev] lỗi khi dựng trang").length;
    const before = reports();
    await writeFile(join(project, "content/trang/lien-he.md"), (await readFile(join(project, "content/trang/lien-he.md"), "utf8")) + "\nThêm một dòng.\n");
    await until("the content save to be taken up", async () => reports() > before);
    expect((await page()).status).toBe(500);
    await saveInPlace("layouts/base.tsx", 'data-test="lan-3"', 'data-test="lan-4">');
    await until("the fixed layout", async () => (await page()).html.includes('data-test="lan-4"'));
    expect((await page()).status).toBe(200);
  }, 120_000);

  it("starts a new renderer for code the pipeline imports once (the image stage's <picture>)", async () => {
    await saveInPlace("layouts/picture.tsx", "\n    <picture>\n", '\n    <picture data-test="anh">\n');
    await until("the picture change", async () => (await page()).html.includes('<picture data-test="anh">'));
    expect(server.log()).toContain("(" + join(project, "layouts/picture.tsx") + "): restarting the renderer");
  }, 120_000);
});
