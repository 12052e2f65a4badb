import { copyFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { basename, dirname, extname, join, relative, sep } from "node:path";
import { slugify } from "../../build/model/slug.ts";
import { decodeSafe } from "./html-to-markdown.ts";
import { undoSavedName } from "./saved-page.ts";

/** Every file of a saved copy, to find what a page refers to without touching the disk again. */
export class SavedFiles {
  private readonly exact = new Set<string>();
  private readonly folded = new Map<string, string>();

  constructor(files: string[]) {
    for (const f of files) {
      this.exact.add(f);
      this.folded.set(f.toLowerCase(), f);
    }
  }

  /**
   * The saved file an old page's href points to: relative to the page, or for "/…" and full
   * addresses, from the page's folder up to the root (wget puts a host folder in between).
   * Old IIS addresses were case-insensitive, and wget may have encoded or decoded the name.
   */
  find(href: string, pageFile: string, root: string): string | null {
    let path = href.replace(/#.*$/, "");
    if (/^[a-z][a-z0-9+.-]*:/i.test(path)) {
      if (!/^https?:/i.test(path)) return null;
      const url = new URL(path);
      path = url.pathname + url.search;
    }
    const bases: string[] = [];
    if (path.startsWith("/")) {
      for (let dir = dirname(pageFile); ; dir = dirname(dir)) {
        bases.push(dir);
        if (dir === root || !dir.startsWith(root) || dir === dirname(dir)) break;
      }
    } else bases.push(dirname(pageFile));
    const spellings = new Set([path, decodeSafe(path), path.replace("?", "@"), decodeSafe(path).replace("?", "@"), undoSavedName(decodeSafe(path))]);
    for (const base of bases) {
      for (const s of spellings) {
        const candidate = join(base, s.replace(/^\/+/, "").split("/").join(sep));
        if (this.exact.has(candidate)) return candidate;
        const folded = this.folded.get(candidate.toLowerCase());
        if (folded) return folded;
      }
    }
    return null;
  }
}

const IMAGE_SIGNATURES: [string, (b: Buffer) => boolean][] = [
  ["jpg", (b) => b[0] === 0xff && b[1] === 0xd8],
  ["png", (b) => b.subarray(0, 4).toString("latin1") === "\x89PNG"],
  ["gif", (b) => b.subarray(0, 3).toString("latin1") === "GIF"],
  ["webp", (b) => b.subarray(0, 4).toString("latin1") === "RIFF" && b.subarray(8, 12).toString("latin1") === "WEBP"],
];

/** Why an image file cannot be used on the new site, or null. */
export function imageProblem(bytes: Buffer): string | null {
  if (IMAGE_SIGNATURES.some(([, test]) => test(bytes))) return null;
  if (bytes.subarray(0, 2).toString("latin1") === "BM") return "là ảnh BMP, trang mới không dùng được — mở bằng Paint, lưu dạng JPEG rồi tải lên";
  return "không phải tệp ảnh đọc được (có thể bản lưu đã hỏng)";
}

/**
 * Copies files of the saved copy into content/media/<year>/ under ASCII names, once per run and
 * never twice: an identical file already there is reused, a different one gets a -2, -3… suffix.
 */
export class MediaCopier {
  private readonly done = new Map<string, string>();

  constructor(private readonly contentDir: string) {}

  /** Path of the copy relative to the content folder ("media/2020/anh.jpg"); `bytes` when already read. */
  async copy(source: string, year: number, bytes?: Buffer): Promise<string> {
    const key = `${year}\0${source}`;
    const known = this.done.get(key);
    if (known) return known;
    const ext = extname(source).toLowerCase().replace(".jpeg", ".jpg");
    const stem = slugify(basename(source, extname(source)).normalize("NFC")) || "tep";
    const data = bytes ?? readFileSync(source);
    for (let n = 1; ; n++) {
      const rel = `media/${year}/${stem}${n > 1 ? `-${n}` : ""}${ext}`;
      const target = join(this.contentDir, rel);
      if (existsSync(target)) {
        if (!readFileSync(target).equals(data)) continue;
      } else {
        mkdirSync(dirname(target), { recursive: true });
        copyFileSync(source, target);
      }
      this.done.set(key, rel);
      return rel;
    }
  }
}

/** Markdown path from an article file to a content-relative path. */
export function relativeFrom(articleFile: string, contentDir: string, rel: string): string {
  return relative(dirname(articleFile), join(contentDir, rel)).split(sep).join("/");
}
