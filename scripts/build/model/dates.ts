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

/**
 * A format of the instant alone (always shown in Vietnam time), computed once per instant: every
 * page shows the dates of many articles, and each luxon zone conversion asks Intl for the offset
 * (1.2 s of a 4,000-article build before this).
 */
function perInstant(format: (dt: DateTime) => string): (dt: DateTime) => string {
  const done = new Map<number, string>();
  return (dt) => {
    const at = dt.toMillis();
    let text = done.get(at);
    if (text === undefined) done.set(at, (text = format(dt.setZone(ZONE))));
    return text;
  };
}

/** ISO 8601 with the +07:00 offset, to the second (a build time has milliseconds; no date shows them). */
export const toIso = perInstant((dt) => dt.startOf("second").toISO({ suppressMilliseconds: true })!);

/** 29/02/2020 15:41 */
export const formatDateTime = perInstant((dt) => dt.toFormat("dd/MM/yyyy HH:mm"));

/** 29/02/2020 */
export const formatDate = perInstant((dt) => dt.toFormat("dd/MM/yyyy"));

/** Thứ Bảy, 29/02/2020 */
export const formatLongDate = perInstant((dt) => `${WEEKDAYS[dt.weekday - 1]}, ${dt.toFormat("dd/MM/yyyy")}`);

export function nowInVietnam(): DateTime {
  return DateTime.now().setZone(ZONE);
}
