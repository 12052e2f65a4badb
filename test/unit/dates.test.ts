import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { formatDateTime, formatLongDate, parseContentDate, toIso } from "../../scripts/build/model/dates.ts";

function iso(raw: string): string {
  const r = parseContentDate(raw);
  if (!r.ok) throw new Error(r.message);
  return toIso(r.value);
}

describe("parseContentDate", () => {
  it("keeps an explicit +07:00", () => expect(iso("2020-02-29T15:41:14+07:00")).toBe("2020-02-29T15:41:14+07:00"));
  it("reads a time without offset as Vietnam time", () => expect(iso("2020-02-29T15:41:14")).toBe("2020-02-29T15:41:14+07:00"));
  it("reads a date alone as 00:00 Vietnam time", () => expect(iso("2020-02-29")).toBe("2020-02-29T00:00:00+07:00"));
  it("moves a Z time that is already the next day in Vietnam", () => expect(iso("2020-02-29T17:30:00Z")).toBe("2020-03-01T00:30:00+07:00"));
  it("keeps 00:30 and 23:59 on their own day", () => {
    expect(iso("2021-03-01T00:30:00")).toBe("2021-03-01T00:30:00+07:00");
    expect(iso("2021-02-28T23:59:00")).toBe("2021-02-28T23:59:00+07:00");
  });
  it("rejects an impossible date", () => {
    const r = parseContentDate("2021-02-31");
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/không phải một ngày có thật/);
  });
  it("rejects the old site's form and shows the ISO form to write", () => {
    const r = parseContentDate("29/02/2020 03:41:14 PM");
    expect(!r.ok && r.message).toContain("2020-02-29T15:41:14+07:00");
    const midnight = parseContentDate("01/03/2020 12:05:00 AM");
    expect(!midnight.ok && midnight.message).toContain("2020-03-01T00:05:00+07:00");
  });
  it("reports a missing date", () => expect(parseContentDate(undefined).ok).toBe(false));
});

describe("formatting", () => {
  it("uses 24-hour Vietnamese forms", () => {
    const r = parseContentDate("2020-02-29T15:41:14+07:00");
    if (!r.ok) throw new Error(r.message);
    expect(formatDateTime(r.value)).toBe("29/02/2020 15:41");
    expect(formatLongDate(r.value)).toBe("Thứ Bảy, 29/02/2020");
  });
});

describe("toIso", () => {
  it("gives seconds and the +07:00 offset, never milliseconds", () => {
    expect(toIso(DateTime.fromISO("2024-05-20T02:05:07.999Z"))).toBe("2024-05-20T09:05:07+07:00");
  });
});
