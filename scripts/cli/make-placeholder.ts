import sharp from "sharp";

/**
 * Write a grey placeholder image that says it stands in for a missing photo.
 * Usage: tsx scripts/cli/make-placeholder.ts <out.png> "<what the missing photo shows>"
 */
const [out, label = "Ảnh"] = process.argv.slice(2);
if (!out || !out.includes("placeholder")) {
  console.error('usage: make-placeholder <path containing "placeholder">.png "<description>"');
  process.exit(2);
}
const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800">
<rect width="100%" height="100%" fill="#d9dee3"/>
<rect x="40" y="40" width="1120" height="720" fill="none" stroke="#5b6670" stroke-width="6" stroke-dasharray="24 16"/>
<text x="600" y="360" font-family="DejaVu Sans, sans-serif" font-size="52" fill="#2b333b" text-anchor="middle">ẢNH TẠM (PLACEHOLDER)</text>
<text x="600" y="440" font-family="DejaVu Sans, sans-serif" font-size="34" fill="#2b333b" text-anchor="middle">${esc(label)}</text>
<text x="600" y="500" font-family="DejaVu Sans, sans-serif" font-size="28" fill="#3d4750" text-anchor="middle">Ảnh gốc chưa được chuyển từ trang cũ</text>
</svg>`;
await sharp(Buffer.from(svg)).png({ compressionLevel: 9, palette: true }).toFile(out);
console.log(out);
