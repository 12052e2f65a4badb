import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildAssets } from "../../scripts/build/assets.ts";
import { WIDGETS } from "../../widgets/registry.ts";

const widgetsDir = new URL("../../widgets/", import.meta.url).pathname;

describe("the widget registry", () => {
  it("registers every widgets/<name>/widget.ts, once, under a unique name", async () => {
    const folders = readdirSync(widgetsDir, { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(join(widgetsDir, d.name, "widget.ts")))
      .map((d) => d.name);
    const exported = await Promise.all(folders.map(async (f) => Object.values(await import(join(widgetsDir, f, "widget.ts")))[0]));
    expect(new Set(WIDGETS)).toEqual(new Set(exported));
    expect(new Set(WIDGETS.map((w) => w.name)).size).toBe(WIDGETS.length);
  });

  it("bundles each widget's client into site.js and runs it", async () => {
    const assets = await buildAssets(WIDGETS);
    const js = assets.files.get(assets.js)!;
    // Each client looks its box up by the data-widget attribute its component writes.
    for (const w of WIDGETS.filter((w) => w.client)) expect(js).toContain(`[data-widget=${w.name}]`);
  });
});
