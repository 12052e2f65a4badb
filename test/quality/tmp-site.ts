import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/** Write `files` (path → content) into a fresh temporary directory; returns it and a cleanup. */
export async function writeTmpSite(files: Record<string, string>): Promise<{ root: string; remove: () => Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), "quality-"));
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  }
  return { root, remove: () => rm(root, { recursive: true, force: true }) };
}

/** A valid, accessible page: skip link to a focusable <main>, visible focus styles, Vietnamese text. */
export function goodPage(title: string, body: string): string {
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="stylesheet" href="/css/site.css">
<script src="/js/site.js" defer></script>
</head>
<body>
<a class="skip" href="#main">Chuyển đến nội dung chính</a>
<header><nav aria-label="Điều hướng chính"><a href="/">Trang chủ</a> <a href="/tin-tuc/bai-viet/">Bài viết</a></nav></header>
<main id="main" tabindex="-1">
<h1>${title}</h1>
${body}
</main>
<footer><p>Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Quảng Ngãi</p></footer>
</body>
</html>
`;
}

export const GOOD_CSS = `@import "/css/base.css";
.skip { position: absolute; left: -9999px; }
.skip:focus { left: 8px; top: 8px; background: #fff; color: #000; }
a:focus-visible, main:focus { outline: 3px solid #0b4f9c; outline-offset: 2px; }
`;

export const BASE_CSS = `body { font: 16px/1.5 sans-serif; color: #1a1a1a; background: #fff; }
a { color: #0b4f9c; }
@font-face { font-family: Site; src: url("/fonts/site.woff2") format("woff2"); }
`;
