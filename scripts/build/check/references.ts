import { posix } from "node:path";
import type { ContentIssue } from "../content/issues.ts";
import type { Article, Page, SiteModel } from "../model/types.ts";
import { contentPath } from "./content-files.ts";

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const WINDOWS = /^[a-z]:(?:[\\/]|%5c)|\\|%5c/i;
const MEDIA = "media/";
/** How the message about an image file that is not there begins (the editor UI leaves that one to the check). */
export const MISSING_IMAGE = "không có tệp ảnh";

/** An image the site can publish: a file under content/media/, as its site URL. */
export interface MediaRef {
  file: string;
  line: number;
  src: string;
}

/**
 * Image and link targets that cannot work on the site, with the fix: covers and body
 * images outside content/media/ (other sites' images are blocked by the CSP),
 * Windows paths, bare file names, missing files (with the path to write when a file
 * of that name is in content/media/), and malformed % escapes. Returns the issues and
 * the site URLs of the images it reported, which the image check then skips.
 */
export function checkReferences(model: SiteModel, files: ReadonlySet<string>): { issues: ContentIssue[]; reported: Set<string> } {
  const issues: ContentIssue[] = [];
  const reported = new Set<string>();
  const media = [...files].filter((f) => f.startsWith(MEDIA));
  for (const doc of [...model.articles, ...model.pages]) {
    const here = posix.dirname(contentPath(model.contentDir, doc.sourcePath));
    const report = (line: number, field: string, message: string, src?: string) => {
      issues.push({ file: doc.file, line, field, message, severity: "error" });
      if (src) reported.add(`${doc.file}\0${src}`);
    };
    if (doc.kind === "article" && doc.frontMatter.image) {
      const raw = doc.frontMatter.image;
      const problem = badEscape(raw)
        ? `${raw}: có dấu % không thành mã hợp lệ — đổi tên tệp ảnh chỉ dùng chữ không dấu, số và dấu gạch nối`
        : imageProblem(raw, doc.image ?? "", here, doc, files, media, true);
      if (problem) report(doc.lineOf(["image"]), "image", problem, doc.image);
    }
    for (const ref of doc.references) {
      if (badEscape(ref.target)) {
        report(ref.line, ref.kind, `${ref.target}: có dấu % không thành mã hợp lệ — viết %25 thay cho dấu %, hoặc chép lại địa chỉ từ thanh địa chỉ của trình duyệt`);
        continue;
      }
      if (ref.kind !== "image") continue;
      const src = resolvedSrc(ref.target, here);
      const problem = imageProblem(ref.target, src, here, doc, files, media, false);
      if (problem) report(ref.line, "image", problem, src);
    }
  }
  return { issues, reported };
}

function safeDecode(target: string): string | undefined {
  try {
    return decodeURI(target);
  } catch {
    return undefined;
  }
}
const badEscape = (target: string) => safeDecode(target) === undefined;

/** The site URL the model gives a relative image (as build-site's resolver does, without .md lookups). */
function resolvedSrc(target: string, here: string): string {
  const path = target.split(/[?#]/)[0]!;
  if (SCHEME.test(target) || target.startsWith("/")) return path;
  return `/${posix.normalize(posix.join(here, safeDecode(path) ?? path))}`;
}

function imageProblem(
  raw: string,
  src: string,
  here: string,
  doc: Article | Page,
  files: ReadonlySet<string>,
  media: string[],
  cover: boolean,
): string | undefined {
  const example = (name: string) => suggestion(name, here, doc, media);
  // markdown-it hands over targets %-encoded (C:\ arrives as C:%5C): show what the editor typed.
  const shown = safeDecode(raw) ?? raw;
  const write = (path: string) => (cover ? `\`image: ${path}\`` : `\`![…](${path})\``);
  const name = posix.basename((safeDecode(raw) ?? raw).replace(/\\/g, "/").split(/[?#]/)[0]!) || "ten-anh.jpg";
  if (WINDOWS.test(raw)) {
    return `${shown} là đường dẫn trên máy tính của bạn, trang web không đọc được — ${example(name).how(write)}`;
  }
  if (SCHEME.test(raw) || raw.startsWith("//")) {
    const web = /^https?:|^\/\//i.test(raw);
    const why = web ? "ảnh lấy từ trang web khác bị chính sách bảo mật (CSP) của trang chặn, không hiện" : "không phải một tệp ảnh";
    // Another site's file is not ours even when a file of that name exists here: always upload.
    return `${shown}: ${why} — tải ảnh về máy, rồi ${example(web ? name : "ten-anh.jpg").upload(write)}`;
  }
  const path = safeDecode(src.slice(1)) ?? src.slice(1);
  if (!path.startsWith(MEDIA)) {
    const found = example(name);
    return !raw.includes("/")
      ? `${shown}: chỉ có tên tệp, không có thư mục — ${found.how(write)}`
      : `${shown}: ${cover ? "ảnh đại diện" : "ảnh"} phải nằm trong content/media/ — ${found.how(write)}`;
  }
  if (!files.has(path.normalize("NFC"))) {
    return `${MISSING_IMAGE} content/${path} — ${example(name).how(write, "kiểm tra tên tệp và thư mục (chữ hoa, chữ thường khác nhau), hoặc")}`;
  }
  return undefined;
}

/** What to write: the path to a file of that name in content/media/ (the article's year first), or where to upload it. */
function suggestion(name: string, here: string, doc: Article | Page, media: string[]) {
  const year = doc.kind === "article" ? String(doc.year) : undefined;
  const matches = media.filter((f) => posix.basename(f) === name);
  const best = matches.find((f) => f.startsWith(`${MEDIA}${year}/`)) ?? matches[0];
  const folder = `${MEDIA}${year ?? "<năm>"}`;
  const upload = (write: (path: string) => string) => `tải ảnh lên content/${folder}/ rồi viết ${write(posix.relative(here, `${folder}/${name}`))}`;
  return {
    upload,
    how: (write: (path: string) => string, prefix = "") =>
      `${prefix ? `${prefix} ` : ""}${best ? `tệp có ở content/${best}: viết ${write(posix.relative(here, best))}` : upload(write)}`,
  };
}
