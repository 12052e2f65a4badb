import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { DEFAULT_OG_IMAGE } from "./metadata.ts";
import { xml } from "./xml.ts";

/** Splits a name into lines of at most `max` characters, at spaces. */
function wrap(text: string, max: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && (last + " " + word).length <= max) lines[lines.length - 1] = last + " " + word;
    else lines.push(word);
  }
  return lines;
}

/**
 * The share image for pages without a cover: the organisation's name on the
 * site's brand colour. Text only — no photo stands in for a real one.
 */
export async function renderDefaultOgImage(siteName: string): Promise<Buffer> {
  const { width, height } = DEFAULT_OG_IMAGE;
  const lines = wrap(siteName.normalize("NFC"), 28);
  const lineHeight = 76;
  const top = height / 2 - ((lines.length - 1) * lineHeight) / 2;
  const text = lines
    .map((line, i) => `<text x="80" y="${top + i * lineHeight}" dominant-baseline="middle">${xml(line)}</text>`)
    .join("");
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
<rect width="100%" height="100%" fill="#0b4f8a"/>
<rect y="${height - 24}" width="100%" height="24" fill="#b3261e"/>
<g fill="#ffffff" font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif" font-size="60" font-weight="bold">${text}</g>
</svg>`;
  return sharp(Buffer.from(svg)).png({ compressionLevel: 9, palette: true }).toBuffer();
}

/** Writes /og-default.png into the built site. */
export async function writeDefaultOgImage(outputDir: string, siteName: string): Promise<void> {
  const file = path.join(outputDir, DEFAULT_OG_IMAGE.url);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, await renderDefaultOgImage(siteName));
}
