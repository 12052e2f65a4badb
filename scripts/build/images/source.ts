import path from "node:path";
import { mediaFileProblem } from "../publish/media-files.ts";
import { MEDIA_PREFIX } from "./config.ts";

export type ResolvedSource =
  | { ok: true; url: string; path: string }
  | { ok: false; url: string; problem: string };

/**
 * Maps a site URL like `/media/2020/x%20y.jpg` to its file under
 * CONTENT_DIR/media. Returns null for anything that is not a content image
 * (external URLs, theme assets), which the pipeline leaves alone.
 */
export function resolveMediaSrc(src: string, contentDir: string): ResolvedSource | null {
  if (!src.startsWith(MEDIA_PREFIX)) return null;
  let decoded: string;
  try {
    decoded = decodeURI(src.split(/[?#]/, 1)[0]!).normalize("NFC");
  } catch {
    return { ok: false, url: src, problem: `địa chỉ ảnh ${src} không hợp lệ — đổi tên tệp chỉ dùng chữ không dấu, số và dấu gạch nối` };
  }
  const url = path.posix.normalize(decoded);
  if (!url.startsWith(MEDIA_PREFIX)) {
    return { ok: false, url, problem: `địa chỉ ảnh ${src} ra ngoài thư mục ảnh — trỏ tới một tệp trong content/media/` };
  }
  const file = path.join(path.resolve(contentDir), ...url.split("/").filter(Boolean));
  // A link (symlink) out of content/media is never read, so an outside file cannot be published.
  const outside = mediaFileProblem(file, contentDir);
  if (outside) return { ok: false, url, problem: outside };
  return { ok: true, url, path: file };
}

/** Path for messages: relative to the working directory, like the content file names. */
export function displayPath(file: string): string {
  return path.relative(process.cwd(), file) || file;
}
