import { createHash } from "node:crypto";
import path from "node:path";
import sharp from "sharp";
import { OG_HEIGHT, OG_WIDTH, PIPELINE_VERSION, QUALITY, WIDTHS } from "./config.ts";
import type { SourceInfo } from "./inspect.ts";

export type OutputFormat = "avif" | "webp" | "jpeg" | "png";

export interface EncodedFile {
  format: OutputFormat;
  width: number;
  height: number;
  /** File name inside the cache entry. */
  name: string;
  bytes: number;
}

/** One cacheable piece of work on a source: its key covers the content and every option. */
export interface EncodeJob {
  kind: "responsive" | "og";
  key: string;
  encode(dir: string): Promise<EncodedFile[]>;
}

/** Widths offered for a source: never wider than the source, which itself is never served. */
function widthsFor(info: SourceInfo): number[] {
  const widths: number[] = WIDTHS.filter((w) => w <= info.width);
  if (info.width < WIDTHS[WIDTHS.length - 1]! && !widths.includes(info.width)) widths.push(info.width);
  return widths;
}

function formatsFor(info: SourceInfo): OutputFormat[] {
  return ["avif", "webp", info.transparent ? "png" : "jpeg"];
}

export function responsiveJob(file: string, info: SourceInfo): EncodeJob {
  const widths = widthsFor(info);
  const formats = formatsFor(info);
  return {
    kind: "responsive",
    key: jobKey(info, { kind: "responsive", widths, formats, quality: formats.map((f) => QUALITY[f]) }),
    async encode(dir) {
      // Decode, orient and shrink the (often 12 MP) source once; every variant starts from this.
      const { data, info: raw } = await sharp(file, { failOn: "truncated" })
        .autoOrient()
        .resize({ width: widths[widths.length - 1]!, withoutEnlargement: true })
        .raw()
        .toBuffer({ resolveWithObject: true });
      const files: EncodedFile[] = [];
      for (const width of widths) {
        const encoded = await Promise.all(
          formats.map(async (format): Promise<EncodedFile> => {
            const name = `${width}.${format === "jpeg" ? "jpg" : format}`;
            let image = sharp(data, { raw: { width: raw.width, height: raw.height, channels: raw.channels } });
            if (width !== raw.width) image = image.resize({ width });
            const out = await image.toFormat(format, QUALITY[format]).toFile(path.join(dir, name));
            return { format, width: out.width, height: out.height, name, bytes: out.size };
          }),
        );
        files.push(...encoded);
      }
      return files;
    },
  };
}

/** The 1200×630 Open Graph crop of a cover image, as JPEG (what every link preview reads). */
export function ogJob(file: string, info: SourceInfo): EncodeJob {
  return {
    kind: "og",
    key: jobKey(info, { kind: "og", width: OG_WIDTH, height: OG_HEIGHT, quality: QUALITY.jpeg }),
    async encode(dir) {
      const name = "og.jpg";
      const out = await sharp(file, { failOn: "truncated" })
        .autoOrient()
        .resize(OG_WIDTH, OG_HEIGHT, { fit: "cover", position: sharp.strategy.attention })
        .flatten({ background: "#ffffff" })
        .jpeg(QUALITY.jpeg)
        .toFile(path.join(dir, name));
      return [{ format: "jpeg", width: out.width, height: out.height, name, bytes: out.size }];
    },
  };
}

function jobKey(info: SourceInfo, options: object): string {
  return createHash("sha256")
    .update(JSON.stringify({ v: PIPELINE_VERSION, sharp: sharp.versions.sharp, vips: sharp.versions.vips, options }))
    .update(info.hash)
    .digest("hex");
}
