import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import sharp from "sharp";

/** Shared stand-in for photos that did not come over from the old site; `npm run check` lists its uses. */
export const PLACEHOLDER_MEDIA = "media/anh-chua-co-placeholder.png";

const SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800">
<rect width="100%" height="100%" fill="#e4e7eb"/>
<text x="600" y="390" font-family="DejaVu Sans, sans-serif" font-size="56" fill="#2b333b" text-anchor="middle">ẢNH CHƯA CÓ</text>
<text x="600" y="470" font-family="DejaVu Sans, sans-serif" font-size="30" fill="#3d4750" text-anchor="middle">Ảnh gốc chưa được chuyển từ trang cũ</text>
</svg>`;

/** Writes the placeholder into the content tree once. */
export async function ensurePlaceholder(contentDir: string): Promise<void> {
  const path = join(contentDir, PLACEHOLDER_MEDIA);
  if (existsSync(path)) return;
  await mkdir(dirname(path), { recursive: true });
  await sharp(Buffer.from(SVG)).png({ compressionLevel: 9, palette: true }).toFile(path);
}
