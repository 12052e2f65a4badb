// The article date, shown and written in Vietnam time whatever the editor's computer is set to
// (Decap's own datetime widget uses the browser's zone and writes its offset, e.g. +00:00).
import { DateTime } from "luxon";
import { Component, createElement as h } from "react";
import { formatDateTime, nowInVietnam, parseContentDate, toIso } from "../model/dates.ts";

const INPUT_FORMAT = "yyyy-MM-dd'T'HH:mm:ss";

interface Props {
  value?: unknown;
  onChange: (value: string) => void;
  forID: string;
  classNameWrapper: string;
  setActiveStyle?: () => void;
  setInactiveStyle?: () => void;
}

/** "2020-02-29T15:41:14+07:00" (or any date the check accepts) → the input's local Vietnam time. */
export function toInputValue(value: unknown): string {
  const parsed = parseContentDate(value);
  return parsed.ok ? parsed.value.toFormat(INPUT_FORMAT) : "";
}

/** The input's wall-clock time, read as Vietnam time → ISO with +07:00. */
export function fromInputValue(input: string): string | undefined {
  const dt = DateTime.fromISO(input, { zone: "Asia/Ho_Chi_Minh" });
  return dt.isValid ? toIso(dt) : undefined;
}

export class VietnamDateTimeControl extends Component<Props> {
  override componentDidMount(): void {
    // A new article starts dated now.
    if (this.props.value === undefined || this.props.value === null || this.props.value === "") {
      this.props.onChange(toIso(nowInVietnam().startOf("second")));
    }
  }

  override render() {
    const { value, forID, classNameWrapper, onChange, setActiveStyle, setInactiveStyle } = this.props;
    return h(
      "div",
      { className: classNameWrapper, style: { display: "flex", gap: "12px", alignItems: "center" } },
      h("input", {
        id: forID,
        type: "datetime-local",
        step: 1,
        value: toInputValue(value),
        onChange: (e: { target: { value: string } }) => {
          const iso = fromInputValue(e.target.value);
          if (iso) onChange(iso);
        },
        onFocus: setActiveStyle,
        onBlur: setInactiveStyle,
        style: { font: "inherit", padding: "4px 8px", border: "1px solid #dfdfe3", borderRadius: "4px" },
      }),
      h(
        "button",
        { type: "button", onClick: () => onChange(toIso(nowInVietnam().startOf("second"))), style: { font: "inherit", cursor: "pointer" } },
        "Bây giờ",
      ),
      h("output", { htmlFor: forID, "data-vietnam-time": "" }, describe(value)),
    );
  }
}

/** What the editor reads next to the input, as the site shows it: 29/02/2020 15:41 (giờ Việt Nam). */
export function describe(value: unknown): string {
  const parsed = parseContentDate(value);
  return parsed.ok ? `${formatDateTime(parsed.value)} (giờ Việt Nam)` : "";
}

export function VietnamDateTimePreview({ value }: { value?: unknown }) {
  return h("span", null, describe(value));
}
