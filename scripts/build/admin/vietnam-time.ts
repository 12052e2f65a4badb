// Decap computes {{year}}, {{month}}… (file paths, media folders, list summaries) from the entry's date
// in UTC: an article dated 1 January 05:00 in Vietnam would be filed under the previous year.
// The parsers are one shared, mutable object in decap-cms-lib-widgets; point them at Vietnam time.
import { stringTemplate } from "decap-cms-lib-widgets";
import { DateTime } from "luxon";
import { ZONE } from "../model/dates.ts";

export function useVietnamTimeInTemplates(): void {
  const part = (format: string) => (date: Date) => DateTime.fromJSDate(date).setZone(ZONE).toFormat(format);
  Object.assign(stringTemplate.dateParsers, {
    year: part("yyyy"),
    month: part("MM"),
    day: part("dd"),
    hour: part("HH"),
    minute: part("mm"),
    second: part("ss"),
  });
}
