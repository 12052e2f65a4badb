import { escapeUTF8 } from "entities";

// Characters XML 1.0 forbids; pasted Word text sometimes carries them.
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Text or attribute value escaped for XML, with forbidden control characters dropped. */
export function xml(text: string): string {
  return escapeUTF8(text.replace(INVALID, ""));
}
