import { DateTime } from "luxon";
import { ZONE } from "../../build/model/dates.ts";
import { cleanLines } from "./clean-text.ts";

export type LegacyBlock =
  | { kind: "paragraph"; text: string }
  | { kind: "figure"; caption: string }
  | { kind: "video"; caption: string };

export interface LegacyArticle {
  /** Category names from the breadcrumb, root first. */
  breadcrumb: string[];
  title: string;
  date: DateTime;
  author?: string;
  blocks: LegacyBlock[];
}

export type ParseResult = { ok: true; article: LegacyArticle } | { ok: false; line: number; message: string };

const POSTED = /^\(?\s*Đăng lúc\s*:\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AP]M)?\s*\)?$/i;

// Sidebar widget headings: the page text ends where the first one starts.
const SIDEBAR = new Set(["THÔNG BÁO", "VIDEO NHÚNG", "LIÊN KẾT WEB", "DANH NGÔN KHOA HỌC", "THỐNG KÊ TRUY CẬP"]);
const COUNTER = /^(Lượt truy cập|Đang trực tuyến)\s*:/i;

const MAX_CAPTION = 160;

/** Parse one page exported from the old site (breadcrumb, posting time, title, body, sidebar). */
export function parseLegacyExport(text: string): ParseResult {
  const lines = cleanLines(text);
  const filled = lines.flatMap((line, i) => (line ? [{ line, no: i + 1 }] : []));
  const [crumb, posted, title] = filled;
  if (!crumb) return { ok: false, line: 1, message: "tệp trống" };
  if (!posted) return { ok: false, line: crumb.no, message: "không có dòng “(Đăng lúc: …)” sau dòng chuyên mục" };
  const date = parsePostedAt(posted.line);
  if (typeof date === "string") return { ok: false, line: posted.no, message: date };
  if (!title) return { ok: false, line: posted.no, message: "không có tiêu đề sau dòng “(Đăng lúc: …)”" };

  const body: string[] = [];
  for (const { line } of filled.slice(3)) {
    if (SIDEBAR.has(line.toLocaleUpperCase("vi"))) break;
    if (!COUNTER.test(line)) body.push(line);
  }
  const last = body.at(-1);
  const author = last !== undefined && isAuthor(last) ? body.pop() : undefined;
  return {
    ok: true,
    article: {
      breadcrumb: crumb.line.split(/\s*(?:>>|»)\s*/).filter(Boolean),
      title: title.line,
      date,
      ...(author ? { author } : {}),
      blocks: body.map(toBlock),
    },
  };
}

/** "29/02/2020 03:41:14 PM" in Vietnam time; 12:xx AM is just after midnight, 12:xx PM is noon. */
export function parsePostedAt(line: string): DateTime | string {
  const m = POSTED.exec(line);
  if (!m) return `“${line}” không đúng dạng “(Đăng lúc: dd/MM/yyyy hh:mm:ss AM/PM)”`;
  const [, day, month, year, h, minute, second = "0", half] = m;
  let hour = Number(h);
  if (half) {
    if (hour < 1 || hour > 12) return `“${line}”: không có giờ ${hour} khi ghi kèm AM/PM (giờ từ 1 đến 12)`;
    hour = (hour % 12) + (half.toUpperCase() === "PM" ? 12 : 0);
  }
  const date = DateTime.fromObject(
    { year: +year!, month: +month!, day: +day!, hour, minute: +minute!, second: +second },
    { zone: ZONE },
  );
  return date.isValid ? date : `“${line}” không phải ngày giờ có thật — kiểm tra ngày, tháng trên trang cũ`;
}

/** Initials such as "BH" or "N.T.H": a short line with no lower-case letter. */
export function isAuthor(line: string): boolean {
  return line.length <= 30 && /^\p{Lu}[\p{Lu}. -]*$/u.test(line);
}

/** Photo and video captions are short lines without a closing punctuation mark. */
function toBlock(line: string): LegacyBlock {
  const caption = line.length <= MAX_CAPTION && !/[.!?…:;,]$/.test(line) && line.includes(" ");
  if (caption && /^Video\b/i.test(line)) return { kind: "video", caption: line };
  if (caption) return { kind: "figure", caption: line };
  return { kind: "paragraph", text: line };
}
