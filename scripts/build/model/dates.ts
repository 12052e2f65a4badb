import { DateTime } from "luxon";

export const ZONE = "Asia/Ho_Chi_Minh";

const WEEKDAYS = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"];

export type DateResult = { ok: true; value: DateTime } | { ok: false; message: string };

const LEGACY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$/;

/**
 * Parse a front-matter date. YAML keeps timestamps as strings, so the zone is
 * ours to decide: no offset means Vietnam time, a date alone means 00:00 there.
 */
export function parseContentDate(raw: unknown): DateResult {
  if (raw instanceof Date) raw = raw.toISOString();
  if (typeof raw !== "string" || raw.trim() === "") {
    return { ok: false, message: "còn thiếu — viết theo dạng 2020-02-29T15:41:14+07:00" };
  }
  const text = raw.trim();
  const legacy = LEGACY.exec(text);
  if (legacy) {
    const [, d, m, y, h = "0", min = "0", s = "0", ampm] = legacy;
    let hour = Number(h);
    if (ampm) hour = (hour % 12) + (/p/i.test(ampm) ? 12 : 0);
    const dt = DateTime.fromObject(
      { year: +y!, month: +m!, day: +d!, hour, minute: +min, second: +s },
      { zone: ZONE },
    );
    const hint = dt.isValid ? `viết: ${toIso(dt)}` : "viết theo dạng YYYY-MM-DDTHH:mm:ss+07:00";
    return { ok: false, message: `"${text}" viết theo kiểu ngày/tháng/năm của trang cũ — ${hint}` };
  }
  const dt = DateTime.fromISO(text.replace(" ", "T"), { zone: ZONE, setZone: false });
  if (!dt.isValid) {
    const impossible = /^\d{4}-\d{2}-\d{2}/.test(text) && dt.invalidReason === "unit out of range";
    return {
      ok: false,
      message: impossible
        ? `"${text}" không phải một ngày có thật — kiểm tra lại ngày và tháng`
        : `"${text}" không phải một ngày — viết theo dạng 2020-02-29T15:41:14+07:00 (hoặc 2020-02-29)`,
    };
  }
  return { ok: true, value: dt.setZone(ZONE) };
}

/** ISO 8601 with the +07:00 offset, to the second (a build time has milliseconds; no date shows them). */
export function toIso(dt: DateTime): string {
  return dt.setZone(ZONE).startOf("second").toISO({ suppressMilliseconds: true })!;
}

/** 29/02/2020 15:41 */
export function formatDateTime(dt: DateTime): string {
  return dt.setZone(ZONE).toFormat("dd/MM/yyyy HH:mm");
}

/** 29/02/2020 */
export function formatDate(dt: DateTime): string {
  return dt.setZone(ZONE).toFormat("dd/MM/yyyy");
}

/** Thứ Bảy, 29/02/2020 */
export function formatLongDate(dt: DateTime): string {
  const local = dt.setZone(ZONE);
  return `${WEEKDAYS[local.weekday - 1]}, ${local.toFormat("dd/MM/yyyy")}`;
}

export function nowInVietnam(): DateTime {
  return DateTime.now().setZone(ZONE);
}
