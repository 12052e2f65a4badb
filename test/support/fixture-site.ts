import { execFile } from "node:child_process";
import { cp, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { FIXTURE_TREE } from "../../scripts/tools/fixtures/tree.ts";

const run = promisify(execFile);
const tsx = join("node_modules", ".bin", "tsx");

/** Run the production build (`npm run build`) of `contentDir` into `outputDir`. */
async function buildSite(contentDir: string, outputDir: string, env: Record<string, string>): Promise<void> {
  await run(tsx, ["scripts/tools/cli/build.ts"], {
    env: { ...process.env, ...env, CONTENT_DIR: contentDir, OUTPUT_DIR: outputDir },
    maxBuffer: 64 * 1024 * 1024,
  });
}

/**
 * A generated fixture site of `articles` articles (`npm run fixtures`) plus the fixture tree's first article and
 * its media, so the gates' stable page URLs exist in it. Returns the directory holding content/ and _site/.
 */
export async function buildFixtureSite(articles: number, env: Record<string, string> = {}): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "quality-site-"));
  const content = join(dir, "content");
  await run(tsx, ["scripts/tools/cli/fixtures.ts", "--articles", String(articles), "--out", content, "--seed", "7"]);
  await cp(join(FIXTURE_TREE, "tin-tuc/2020"), join(content, "tin-tuc/2020"), { recursive: true });
  await cp(join(FIXTURE_TREE, "media/2020"), join(content, "media/2020"), { recursive: true });
  await buildSite(content, join(dir, "_site"), env);
  return dir;
}
