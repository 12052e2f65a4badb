// The floor a build is compared with: read every article with gray-matter, render it with markdown-it,
// write it out and index it with Pagefind's Node API. Nothing else: no layout, no model, no images.
//   tsx scripts/tools/bench/floor.ts --content DIR --out DIR   → prints a FLOOR_STATS {json} line
import { escapeUTF8 as escapeHtml } from "entities";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { parseArgs } from "node:util";
import matter from "gray-matter";
import MarkdownIt from "markdown-it";
import * as pagefind from "pagefind";
import { isMain, runCli } from "../quality/cli.ts";
import { listFiles } from "../../build/list-files.ts";

export interface FloorStats {
  totalMs: number;
  stages: { read: number; render: number; write: number; index: number };
  pages: number;
}



export async function runFloor(contentDir: string, outDir: string): Promise<FloorStats> {
  const started = performance.now();
  let mark = started;
  const lap = (): number => {
    const now = performance.now();
    const ms = Math.round(now - mark);
    mark = now;
    return ms;
  };

  const files = (await listFiles(contentDir, [".md"])).filter((f) => f.startsWith("tin-tuc/"));
  const articles: { url: string; title: string; content: string }[] = [];
  for (const file of files) {
    const { data, content } = matter(await readFile(join(contentDir, file), "utf8"));
    articles.push({ url: `/${file.split("/")[1]}/${basename(file, ".md")}/`, title: String(data.title), content });
  }
  const read = lap();

  const md = new MarkdownIt();
  const pages = articles.map((a) => ({
    url: a.url,
    html: `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${escapeHtml(a.title)}</title></head><body><main><h1>${escapeHtml(a.title)}</h1>${md.render(a.content)}</main></body></html>`,
  }));
  const render = lap();

  await rm(outDir, { recursive: true, force: true });
  for (const page of pages) {
    await mkdir(join(outDir, page.url), { recursive: true });
    await writeFile(join(outDir, page.url, "index.html"), page.html);
  }
  const write = lap();

  const { index, errors } = await pagefind.createIndex({});
  if (index === undefined) throw new Error(`pagefind: ${errors.join("; ")}`);
  for (const page of pages) await index.addHTMLFile({ url: page.url, content: page.html });
  await index.writeFiles({ outputPath: join(outDir, "pagefind") });
  await pagefind.close();
  const indexMs = lap();

  return {
    totalMs: Math.round(performance.now() - started),
    stages: { read, render, write, index: indexMs },
    pages: pages.length,
  };
}

if (isMain(import.meta.url)) {
  runCli(async () => {
    const { values } = parseArgs({ options: { content: { type: "string" }, out: { type: "string" } } });
    if (values.content === undefined || values.out === undefined) {
      throw new Error("usage: tsx scripts/tools/bench/floor.ts --content DIR --out DIR");
    }
    console.log(`FLOOR_STATS ${JSON.stringify(await runFloor(values.content, values.out))}`);
    return 0;
  });
}
