import { ContentError, type ContentIssue } from "../content/issues.ts";

/** An article's new address and the old addresses that must lead to it. */
export interface RedirectEntry {
  url: string;
  legacyUrls: string[];
  /** Source file and line of `legacy_url:`, for error messages. */
  file?: string;
  line?: number;
}

/**
 * Old CMS address shapes that carry the article id. The slug part of
 * `/iNNNN-slug.aspx` was free text on the old site, so any slug must work.
 * The old site's mobile copies were `/mobile.aspx?id=NNNN`; no other mobile shape is known, so none is guessed.
 */
const ID_PATH = /^\/i(\d+)-[^/]*\.aspx$/i;
const ID_QUERY_PATH = /^\/(?:default|mobile)\.aspx$/i;

/**
 * Rules for old addresses that need no per-article line. Netlify paths are
 * case-sensitive, so the lower-case `default.aspx` that some old links use is
 * sent to the canonical spelling. The order keeps every chain loop-free even if
 * matching were case-insensitive: `/Default.aspx` rules come first.
 *
 * No target puts request text in the path: a `:splat` there turns
 * `/x//evil.example` into `Location: //evil.example`, a redirect off the site.
 * An id only ever lands in the query string of a fixed path.
 */
const GENERIC_RULES = [
  "/Default.aspx  /  301",
  "/default.aspx  id=:id  /Default.aspx?id=:id  301",
  "/default.aspx  /  301",
  "/mobile.aspx  id=:id  /Default.aspx?id=:id  301",
  "/mobile.aspx  /  301",
];

interface Claim {
  entry: RedirectEntry;
  raw: string;
}

function where(entry: RedirectEntry): string {
  return entry.file ? `${entry.file}:${entry.line ?? 1}` : entry.url;
}

function describe(entry: RedirectEntry): string {
  return entry.file ? `${entry.file} (${entry.url})` : entry.url;
}

/** The old article id an address carries, if it has one of the old CMS shapes. */
export function legacyId(legacyUrl: string): string | undefined {
  const url = new URL(legacyUrl, "http://old.invalid");
  const byPath = ID_PATH.exec(url.pathname);
  if (byPath) return byPath[1];
  const id = url.searchParams.get("id");
  if (ID_QUERY_PATH.test(url.pathname) && id && /^\d+$/.test(id)) return id;
  return undefined;
}

function checkLegacyUrl(raw: string): string | undefined {
  if (/^https?:\/\//i.test(raw)) return "must be a path on the old site, without the domain — e.g. /i1644-hoi-nghi-ban-chap-hanh.aspx";
  if (!raw.startsWith("/")) return "must start with / — e.g. /i1644-hoi-nghi-ban-chap-hanh.aspx";
  if (raw.includes("#")) return "must not contain # — browsers never send the part after it";
  return undefined;
}

/**
 * Every rule must send readers to a fixed path of this site: no placeholder or
 * splat in the target's path, and nothing a browser reads as another host
 * (`//host`, `/\host`, `https:`). A violation is a bug in this file, not in the content.
 */
function assertOnSite(line: string): void {
  const target = line.split(/\s+/).at(-2) ?? "";
  const path = target.split("?", 1)[0]!;
  if (!/^\/(?![/\\])/.test(path) || /[:*\\]/.test(path)) throw new Error(`_redirects: "${line}" could send readers off the site`);
}

/** `/path` or `/path key=value …` as the left side of a `_redirects` line. */
function fromPart(raw: string): string {
  const url = new URL(raw, "http://old.invalid");
  const query = [...url.searchParams].map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`);
  // The URL parser percent-encodes non-ASCII and spaces, as Netlify's docs require.
  return [url.pathname, ...query].join("  ");
}

/**
 * Netlify's docs ask for percent-encoded paths, while its own local engine
 * (@netlify/redirects) matches only the decoded form: a path with non-ASCII
 * letters gets a line in each form, which is harmless where one never matches.
 */
function fromForms(raw: string): string[] {
  const encoded = fromPart(raw);
  const [path = "", ...query] = encoded.split("  ");
  const decoded = decodeURIComponent(path);
  return decoded === path || /\s/.test(decoded) ? [encoded] : [encoded, [decoded, ...query].join("  ")];
}

/**
 * The `_redirects` file for the old site's addresses: one 301 per article for
 * each old address shape, plus the generic rules. A legacy URL or old id that
 * two articles claim is an error naming both.
 */
export function buildRedirects(entries: RedirectEntry[]): string {
  const issues: ContentIssue[] = [];
  const byId = new Map<string, Claim>();
  const byPath = new Map<string, Claim>();
  const error = (entry: RedirectEntry, message: string) => {
    const [file, line] = entry.file ? [entry.file, entry.line ?? 1] : [entry.url, 1];
    issues.push({ file, line, field: "legacy_url", message, severity: "error" });
  };

  for (const entry of entries) {
    for (const raw of new Set(entry.legacyUrls.map((u) => u.trim().normalize("NFC")))) {
      const problem = checkLegacyUrl(raw);
      if (problem) {
        error(entry, `"${raw}" ${problem}`);
        continue;
      }
      const id = legacyId(raw);
      const [map, key] = id ? [byId, id] : [byPath, fromPart(raw)];
      const earlier = map.get(key);
      if (earlier && earlier.entry !== entry) {
        const what = id ? `"${raw}" has old article id ${id}, which "${earlier.raw}" in` : `"${raw}" is also claimed by`;
        error(
          entry,
          `${what} ${describe(earlier.entry)} (${where(earlier.entry)}) already has — an old address can lead to one article only; remove it from one of them`,
        );
        continue;
      }
      if (!earlier) map.set(key, { entry, raw });
    }
  }
  if (issues.length > 0) throw new ContentError(issues);

  const lines = ["# Generated by scripts/build/publish/redirects.ts — do not edit.", "# Old addresses that name one article."];
  for (const { entry, raw } of byPath.values()) {
    for (const from of fromForms(raw)) lines.push(`${from}  ${entry.url}  301`);
  }
  lines.push("# Old article ids: /iNNNN-<any slug>.aspx and /Default.aspx?id=NNNN.");
  for (const [id, { entry }] of byId) {
    lines.push(`/i${id}-*  ${entry.url}  301`, `/Default.aspx  id=${id}  ${entry.url}  301`);
  }
  lines.push("# Other spellings and the old mobile pages, by way of the rules above.", ...GENERIC_RULES);
  for (const line of lines) if (!line.startsWith("#")) assertOnSite(line);
  return lines.join("\n") + "\n";
}
