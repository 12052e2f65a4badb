import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { MAX_FILE_BYTES, MAX_SIDE } from "./config.ts";
import { displayPath } from "./source.ts";
import { writeWhole } from "../write-whole.ts";

/** What the encoder needs to know about a source that passed every check. */
export interface SourceInfo {
  /** sha256 of the file's bytes: the cache key's content part. */
  hash: string;
  bytes: number;
  format: string;
  /** Dimensions after EXIF orientation is applied. */
  width: number;
  height: number;
  /** True only when some pixel is actually transparent. */
  transparent: boolean;
}

export type Inspection = { ok: true; info: SourceInfo } | { ok: false; problem: string };

const READABLE = new Set(["jpeg", "png", "webp", "gif", "tiff", "heif"]);
const memo = new Map<string, Promise<Inspection>>();

/**
 * Checks one source file (exists, size, format, dimensions, decodes cleanly)
 * and describes it. A source that passed once is remembered in the cache by
 * its hash, so warm builds only hash files instead of decoding them.
 */
export async function inspectSource(file: string, cacheDir: string): Promise<Inspection> {
  const st = await stat(file).catch(() => null);
  const shown = displayPath(file);
  if (!st?.isFile()) {
    return fail(`không có tệp ảnh ${shown} — kiểm tra tên tệp và thư mục (chữ hoa, chữ thường khác nhau), hoặc tải ảnh lên`);
  }
  if (st.size > MAX_FILE_BYTES) {
    return fail(`ảnh ${shown} nặng ${mb(st.size)}, quá giới hạn ${mb(MAX_FILE_BYTES)} — lưu lại nhỏ hơn (ảnh điện thoại lưu JPEG chất lượng 85 chỉ 3–6 MB)`);
  }
  const memoKey = `${file}\0${st.size}\0${st.mtimeMs}`;
  let result = memo.get(memoKey);
  if (!result) {
    result = inspectContent(file, shown, cacheDir);
    memo.set(memoKey, result);
  }
  return result;
}

async function inspectContent(file: string, shown: string, cacheDir: string): Promise<Inspection> {
  const bytes = await readFile(file);
  const hash = createHash("sha256").update(bytes).digest("hex");
  const known = path.join(cacheDir, "sources", `${hash}.json`);
  const cached = await readFile(known, "utf8").then((t) => knownSource(t, hash), () => undefined);
  if (cached) return { ok: true, info: cached };

  let meta: sharp.Metadata;
  try {
    meta = await sharp(bytes).metadata();
  } catch {
    return fail(`${shown} không phải ảnh hoặc đã hỏng — mở bằng trình xem ảnh rồi lưu lại dạng JPEG hoặc PNG`);
  }
  if (meta.format === "svg") {
    return fail(`${shown} là hình vẽ SVG, có thể chứa mã chạy được — xuất ra dạng PNG`);
  }
  if (meta.format === "heif" && meta.compression !== "av1") {
    return fail(`${shown} là ảnh HEIC, trình duyệt không hiện được — xuất ra dạng JPEG (trên iPhone: Cài đặt → Camera → Định dạng → Tương thích nhất)`);
  }
  if (!READABLE.has(meta.format ?? "")) {
    return fail(`${shown} là tệp ${meta.format}, không phải định dạng ảnh được hỗ trợ — lưu lại dạng JPEG hoặc PNG`);
  }
  if ((meta.pages ?? 1) > 1) {
    return fail(`${shown} là ảnh động hoặc có nhiều trang — dùng ảnh tĩnh JPEG hoặc PNG (video thì đưa lên YouTube)`);
  }
  const { width, height } = meta.autoOrient;
  if (width > MAX_SIDE || height > MAX_SIDE) {
    return fail(`${shown} có kích thước ${width}×${height} px, quá giới hạn ${MAX_SIDE.toLocaleString("vi")} px mỗi cạnh — thu nhỏ còn tối đa 4000 px`);
  }
  let transparent = false;
  try {
    // A small decode reads the whole stream, so truncated or damaged data fails here.
    const input = sharp(bytes, { failOn: "truncated" });
    if (meta.hasAlpha) transparent = !(await input.stats()).isOpaque;
    else await input.resize(64).raw().toBuffer();
  } catch (error) {
    return fail(`${shown} đã hỏng (${(error as Error).message.trim()}) — xuất lại ảnh từ bản gốc`);
  }
  const info: SourceInfo = { hash, bytes: bytes.length, format: meta.format!, width, height, transparent };
  await writeWhole(known, JSON.stringify(info));
  return { ok: true, info };
}

/** A remembered inspection, if it is whole and about this very file; a damaged one is redone and rewritten. */
function knownSource(text: string, hash: string): SourceInfo | undefined {
  try {
    const info = JSON.parse(text) as Partial<SourceInfo>;
    const sizes = [info.width, info.height, info.bytes].every((n) => Number.isInteger(n) && (n as number) > 0);
    return info.hash === hash && sizes && typeof info.format === "string" && typeof info.transparent === "boolean" ? (info as SourceInfo) : undefined;
  } catch {
    return undefined;
  }
}

function fail(problem: string): Inspection {
  return { ok: false, problem };
}

function mb(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1).replace(/\.0$/, "")} MB`;
}
