import { escapeUTF8 } from "entities";
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import sharp from "sharp";

/** Shared stand-in for photos that did not come over from the old site; `npm run check` lists its uses. */
export const PLACEHOLDER_MEDIA = "media/anh-chua-co-placeholder.png";


/** Draws an image that says it stands in for a missing photo (never a fake photo), with what the photo showed. */
export async function drawPlaceholder(path: string, label = "Ảnh chưa có"): Promise<void> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800">
<rect width="100%" height="100%" fill="#d9dee3"/>
<rect x="40" y="40" width="1120" height="720" fill="none" stroke="#5b6670" stroke-width="6" stroke-dasharray="24 16"/>
<text x="600" y="360" font-family="DejaVu Sans, sans-serif" font-size="52" fill="#2b333b" text-anchor="middle">ẢNH TẠM</text>
<text x="600" y="440" font-family="DejaVu Sans, sans-serif" font-size="34" fill="#2b333b" text-anchor="middle">${escapeUTF8(label)}</text>
<text x="600" y="500" font-family="DejaVu Sans, sans-serif" font-size="28" fill="#3d4750" text-anchor="middle">Ảnh gốc chưa được chuyển từ trang cũ</text>
</svg>`;
  await mkdir(dirname(path), { recursive: true });
  await sharp(Buffer.from(svg)).png({ compressionLevel: 9, palette: true }).toFile(path);
}

/** Writes the shared placeholder into the content tree once. */
export async function ensurePlaceholder(contentDir: string): Promise<void> {
  const path = join(contentDir, PLACEHOLDER_MEDIA);
  if (!existsSync(path)) await drawPlaceholder(path);
}
