// One spelling style everywhere a reader or an editor reads (issue #12): the tone mark on the main vowel of
// oa, oe, uy (hóa, xóa, hòa, thủy), as the editor UI's locale, the site and the guide write them.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const READ = ["layouts", "routes", "widgets", "assets", "scripts/tools/fixtures/site", "scripts/build/admin", "scripts/build/check", "scripts/build/content", "scripts/build/model", "scripts/build/render", "scripts/build/images", "scripts/build/publish", "scripts/tools/cli", "scripts/tools/import", "scripts/tools/dev"];
const GUIDE = "docs/huong-dan-bien-tap.md";
/** "hoá", "xoà", "thuỷ" at the end of a word; "quý" is not one of them (qu is a consonant). */
const OLD_STYLE = /\p{L}*(?<![qQ])(?:[oO][áàảãạ]|[oO][éèẻẽẹ]|[uU][ýỳỷỹỵ])(?!\p{L})/gu;

async function files(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && /\.(tsx?|md|ya?ml|css|js)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name)).map((e) => join(e.parentPath, e.name));
}

describe("Vietnamese spelling", () => {
  it("writes hóa, xóa, hòa, thủy (never hoá, xoá, hoà, thuỷ) in the site, the editor UI, the tools and the guide", async () => {
    const found: string[] = [];
    const all = [GUIDE, ...(await Promise.all(READ.map(files))).flat()];
    expect(all.length).toBeGreaterThan(100);
    for (const file of all) {
      const text = await readFile(file, "utf8");
      for (const m of text.matchAll(OLD_STYLE)) found.push(`${file}: ${m[0]}`);
    }
    expect(found).toEqual([]);
    // The pattern finds what it must.
    expect("Văn hoá, xoá bỏ, thuỷ lợi, quý".match(OLD_STYLE)).toEqual(["hoá", "xoá", "thuỷ"]);
  });
});
