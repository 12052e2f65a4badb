import { copyFile, mkdir, readdir, realpath, stat } from "node:fs/promises";
import { realpathSync } from "node:fs";
import path from "node:path";

/**
 * What of content/media reaches the site. Images go through the image pipeline (re-encoded, only
 * those an article uses); documents are published as they are, with their real Content-Type
 * (netlify.toml); nothing a browser would run is, and no link (symlink) is followed out of
 * content/media. Everything refused is reported by `npm run check` (scripts/build/check/media-files.ts).
 */

/**
 * Published as themselves: documents, and the video files videos.yaml plays (`src:`), none of which
 * a browser runs. Keep in step with the Content-Type rules in netlify.toml.
 */
export const PUBLISHED_TYPES: Readonly<Record<string, string>> = {
  pdf: "application/pdf",
  doc: "application/msword",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xls: "application/vnd.ms-excel",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ppt: "application/vnd.ms-powerpoint",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  odt: "application/vnd.oasis.opendocument.text",
  ods: "application/vnd.oasis.opendocument.spreadsheet",
  odp: "application/vnd.oasis.opendocument.presentation",
  mp4: "video/mp4",
};

/** Read by the image pipeline when an article uses them; never copied as uploaded. */
const IMAGE = new Set(["jpg", "jpeg", "png", "webp", "avif", "gif", "tif", "tiff", "heic", "heif"]);

/** What a browser runs or renders as a page of this site ('self' would let its scripts run). */
const ACTIVE = new Set(["html", "htm", "xhtml", "xht", "shtml", "mht", "mhtml", "js", "mjs", "cjs", "svg", "svgz", "xml", "xsl", "xslt", "swf", "wasm"]);

/** Archives: readers cannot see what is inside before they download it. */
const ARCHIVE = new Set(["zip", "rar", "7z", "tar", "gz", "tgz", "bz2", "xz"]);

/** System clutter that is never published and not worth a message. */
const IGNORED = /^(?:\..*|Thumbs\.db|desktop\.ini)$/i;

export interface RefusedFile {
  /** Absolute path in the content tree. */
  path: string;
  severity: "error" | "warning";
  message: string;
}

export interface MediaScan {
  /** Documents to publish: the file to copy (a link's target, inside content/media) and its path under media/. */
  documents: { source: string; rel: string }[];
  refused: RefusedFile[];
}

const extension = (name: string) => (name.includes(".") ? name.slice(name.lastIndexOf(".") + 1).toLowerCase() : "");
const inside = (root: string, file: string) => file.startsWith(root + path.sep);

/** Where the files of content/media really are; links must stay under it. */
function mediaRoot(contentDir: string): string {
  return path.join(realpathSync(path.resolve(contentDir)), "media");
}

/**
 * The real path of a file under content/media, or a message (Vietnamese, for `check`) when it is a
 * link that leads out of content/media or nowhere. Used for documents here and for images by the
 * image pipeline, so an outside file is never read, whatever points at it.
 */
export function mediaFileProblem(file: string, contentDir: string): string | undefined {
  let real: string;
  try {
    real = realpathSync(file);
  } catch {
    return undefined; // missing: the caller's "not found" says it better
  }
  if (inside(mediaRoot(contentDir), real)) return undefined;
  return `${path.relative(process.cwd(), file)} ${outside(real)}`;
}

const outside = (real: string) =>
  `là liên kết (symlink) tới ${real}, ngoài thư mục content/media, nên không được đăng — xóa liên kết và chép chính tệp vào content/media`;

function activeMessage(ext: string): string {
  if (ext === "svg" || ext === "svgz") return "hình SVG có thể chứa mã chạy trong trình duyệt nên không được đăng — xuất hình ra PNG rồi xóa tệp SVG";
  return `tệp .${ext} là thứ trình duyệt chạy hoặc mở như một trang của website, nên không được đăng — xóa tệp khỏi content/media; nếu là tài liệu, lưu ra PDF`;
}

function unsupportedMessage(ext: string): string {
  if (ARCHIVE.has(ext)) return `tệp nén .${ext} không được đăng vì người đọc không thấy được bên trong trước khi tải — đăng từng tài liệu (PDF, Word, Excel)`;
  const what = ext ? `tệp .${ext}` : "tệp không có phần đuôi";
  return `${what} không được đăng: trang chỉ đăng ảnh (qua bài viết), tài liệu PDF, Word, Excel, PowerPoint, OpenDocument và video .mp4 — đổi sang một trong các dạng đó, hoặc xóa tệp`;
}

/** Walks content/media without following links; says what is published and what is refused. */
export async function scanMedia(contentDir: string): Promise<MediaScan> {
  const scan: MediaScan = { documents: [], refused: [] };
  const start = path.join(path.resolve(contentDir), "media");
  if (!(await stat(start).then((s) => s.isDirectory(), () => false))) return scan;
  const root = mediaRoot(contentDir);
  const refuse = (file: string, severity: RefusedFile["severity"], message: string) => scan.refused.push({ path: file, severity, message });
  const startReal = await realpath(start);
  if (startReal !== root) {
    refuse(start, "error", `là liên kết (symlink) tới thư mục ${startReal}: không tệp nào trong đó được đăng — thay liên kết bằng chính thư mục ảnh và tài liệu`);
    return scan;
  }

  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (IGNORED.test(entry.name)) continue;
      if (entry.isDirectory()) {
        await walk(file);
        continue;
      }
      let real = file;
      if (entry.isSymbolicLink()) {
        const target = await realpath(file).catch(() => undefined);
        if (!target) {
          refuse(file, "warning", "là liên kết (symlink) hỏng, không trỏ tới tệp nào — xóa nó");
          continue;
        }
        if (!inside(root, target)) {
          refuse(file, "error", outside(target));
          continue;
        }
        if ((await stat(target)).isDirectory()) {
          refuse(file, "warning", "là liên kết tới một thư mục, không được đăng — chép các tệp vào content/media");
          continue;
        }
        real = target;
      } else if (!entry.isFile()) {
        refuse(file, "error", "không phải một tệp thường (thiết bị, ống dẫn…), không được đăng — xóa nó");
        continue;
      }
      const ext = extension(entry.name);
      if (IMAGE.has(ext)) continue;
      if (ext in PUBLISHED_TYPES) scan.documents.push({ source: real, rel: path.relative(start, file) });
      else if (ACTIVE.has(ext)) refuse(file, "error", activeMessage(ext));
      else refuse(file, "warning", unsupportedMessage(ext));
    }
  };
  await walk(start);
  return scan;
}

/** Copies the documents of content/media into OUTPUT_DIR/media (the bytes, never a link). */
export async function publishDocuments(contentDir: string, outputDir: string): Promise<void> {
  const { documents } = await scanMedia(contentDir);
  await Promise.all(
    documents.map(async ({ source, rel }) => {
      const target = path.join(outputDir, "media", rel);
      await mkdir(path.dirname(target), { recursive: true });
      await copyFile(source, target);
    }),
  );
}
