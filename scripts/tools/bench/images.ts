/**
 * Image pipeline benchmark: cold (empty cache) and warm (cache kept, fresh
 * output) times for a batch of phone photos. Each phase runs in its own
 * process, as a real build would. Usage: tsx scripts/tools/bench/images.ts [--count 200] [--json]
 */
import { spawnSync } from "node:child_process";
import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { availableParallelism, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import type { ImageRef } from "../../build/images/check.ts";
import { ImagePipeline } from "../../build/images/pipeline.ts";
import { syntheticPhoto } from "../fixtures/synthetic-photo.ts";

const { values } = parseArgs({
  options: {
    count: { type: "string", default: "200" },
    json: { type: "boolean", default: false },
    phase: { type: "string" },
    root: { type: "string" },
  },
});

if (values.phase) {
  // Child: one build's worth of image work, timed.
  const root = values.root!;
  const contentDir = path.join(root, "content");
  const names = await readdir(path.join(contentDir, "media", "bench"));
  const refs: ImageRef[] = names.map((name, i) => ({ file: "bench.md", line: i + 1, field: "body", src: `/media/bench/${name}`, alt: "Ảnh" }));
  const images = new ImagePipeline({ contentDir, outputDir: path.join(root, `_site-${values.phase}`), cacheDir: path.join(root, "cache") });
  const started = performance.now();
  await images.prepare(refs);
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(JSON.stringify({ seconds, ...images.stats }));
} else {
  const count = Number(values.count);
  const root = await mkdtemp(path.join(tmpdir(), "images-bench-"));
  try {
    const media = path.join(root, "content", "media", "bench");
    await mkdir(media, { recursive: true });
    // Four distinct phone photos (one upright with GPS), each saved under many names
    // with a distinct JPEG comment: every file has its own content hash, so each is encoded.
    const bases = await Promise.all(
      Array.from({ length: Math.min(4, count) }, (_, i) => i + 1).map((seed) => syntheticPhoto({ width: 4000, height: 3000, seed, ...(seed === 2 ? { orientation: 6, gps: true } : {}) })),
    );
    let sourceBytes = 0;
    for (let i = 0; i < count; i++) {
      const photo = withComment(bases[i % bases.length]!, `bench photo ${i}`);
      sourceBytes += photo.length;
      await writeFile(path.join(media, `photo-${String(i).padStart(3, "0")}.jpg`), photo);
    }
    const phase = (name: string) => {
      const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), "--phase", name, "--root", root], {
        stdio: ["ignore", "pipe", "inherit"],
        encoding: "utf8",
      });
      if (child.status !== 0) throw new Error(`${name} phase failed`);
      return JSON.parse(child.stdout) as { seconds: number; encodedFiles: number; encodedImages: number; cachedImages: number };
    };
    const cold = phase("cold");
    const warm = phase("warm");
    const result = { photos: count, sourceMB: sourceBytes / 1024 / 1024, cores: availableParallelism(), cold, warm };
    if (values.json) {
      console.log(JSON.stringify(result));
    } else {
      console.log(`images: ${count} phone photos, 4000×3000 JPEG, ${result.sourceMB.toFixed(0)} MB in all, ${result.cores} cores`);
      console.log(`images cold (empty cache): ${cold.seconds.toFixed(1)} s, ${cold.encodedFiles} files encoded, ${((cold.seconds / count) * 1000).toFixed(0)} ms per photo`);
      console.log(`images warm (cache kept):  ${warm.seconds.toFixed(1)} s, ${warm.encodedFiles} files encoded, ${warm.cachedImages} from cache`);
    }
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

/** Inserts a JPEG comment segment after the SOI marker. */
function withComment(jpeg: Buffer, text: string): Buffer {
  const body = Buffer.from(text, "ascii");
  const header = Buffer.from([0xff, 0xfe, (body.length + 2) >> 8, (body.length + 2) & 0xff]);
  return Buffer.concat([jpeg.subarray(0, 2), header, body, jpeg.subarray(2)]);
}
