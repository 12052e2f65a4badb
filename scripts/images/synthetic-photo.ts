import { seededRandom } from "../random.ts";
import sharp from "sharp";

export interface SyntheticPhotoOptions {
  width: number;
  height: number;
  seed?: number;
  /** EXIF orientation to write (6 = a phone held upright). */
  orientation?: number;
  /** Write a camera EXIF block with a GPS position, as phones do. */
  gps?: boolean;
  /** PNG output; `transparent` then clears the right half. */
  format?: "jpeg" | "png";
  transparent?: boolean;
}

/** Corner marker: pure red over the stored image's top-left eighth, to check orientation. */
const MARKER = { colour: "#ff0000", fraction: 1 / 8 };

/**
 * A photo-like image for tests and the benchmark: soft shapes on a gradient
 * with grain, so it compresses roughly like a real photo (unlike flat colour
 * or pure noise). Deterministic for a given seed.
 */
export async function syntheticPhoto(options: SyntheticPhotoOptions): Promise<Buffer> {
  const { width, height } = options;
  const random = seededRandom(options.seed ?? 1).next;
  // Shapes are drawn small and scaled up: cheap, and soft like out-of-focus detail.
  const w = Math.ceil(width / 4);
  const h = Math.ceil(height / 4);
  let shapes = "";
  for (let i = 0; i < 80; i++) {
    const colour = `hsl(${Math.floor(random() * 360)},${30 + Math.floor(random() * 50)}%,${20 + Math.floor(random() * 60)}%)`;
    shapes += `<ellipse cx="${(random() * w).toFixed(1)}" cy="${(random() * h).toFixed(1)}" rx="${(w / 100 + random() * w * 0.15).toFixed(1)}" ry="${(h / 100 + random() * h * 0.13).toFixed(1)}" fill="${colour}" opacity="${(0.3 + random() * 0.7).toFixed(2)}"/>`;
  }
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}">` +
    `<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#6a9bd8"/><stop offset="1" stop-color="#d8b36a"/></linearGradient></defs>` +
    `<rect width="100%" height="100%" fill="url(#g)"/>${shapes}</svg>`;
  // Grain from the seeded generator (libvips' own noise is random): near-gaussian, sigma ≈ 14.
  const noise = Buffer.alloc(w * h * 3);
  for (let i = 0; i < noise.length; i++) noise[i] = 128 + Math.round((random() + random() + random() - 1.5) * 28);
  const grain = await sharp(noise, { raw: { width: w, height: h, channels: 3 } })
    .resize(width, height, { kernel: "cubic" })
    .raw()
    .toBuffer();
  const side = Math.round(Math.min(width, height) * MARKER.fraction);
  const marker = { create: { width: side, height: side, channels: 3 as const, background: MARKER.colour } };
  let image = sharp(Buffer.from(svg))
    .resize(width, height)
    .composite([
      { input: grain, raw: { width, height, channels: 3 }, blend: "overlay" },
      { input: marker, left: 0, top: 0 },
    ]);
  if (options.format === "png") {
    if (options.transparent) {
      const mask = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="${Math.floor(width / 2)}" height="${height}"/></svg>`);
      image = sharp(await image.png().toBuffer()).ensureAlpha().composite([{ input: mask, blend: "dest-in" }]);
    }
    return image.png().toBuffer();
  }
  image = image.jpeg({ quality: 88 });
  if (options.gps) {
    image = image.withExif({
      IFD0: { Make: "PhoneMaker", Model: "Phone 12" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "15/1 7/1 1234/100", GPSLongitudeRef: "E", GPSLongitude: "108/1 48/1 5678/100" },
    });
  }
  if (options.orientation) image = image.withMetadata({ orientation: options.orientation });
  return image.toBuffer();
}
