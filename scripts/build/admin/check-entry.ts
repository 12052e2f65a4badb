// What `npm run check` says about one document, run in the browser before the editor UI saves it.
// Everything here is imported from the check's own modules (schemas, date parser, messages); this
// file only chooses which of them apply to a single file. The checks that need the whole site
// (duplicate addresses, links to other articles, image files on disk) stay with `npm run check`.
import { stringify } from "yaml";
import type { z } from "zod";
import { splitFrontMatter } from "../content/front-matter.ts";
import { formatIssue, type ContentIssue } from "../content/issues.ts";
import { articleFrontMatter, pageFrontMatter, siteData } from "../content/schema.ts";
import { schemaIssues, parseYaml } from "../content/yaml-source.ts";
import { parseContentDate } from "../model/dates.ts";
import { checkLegacyEncoding } from "../check/legacy-encoding.ts";
import { checkNfd } from "../check/nfd.ts";
import { checkPlaceholders } from "../check/placeholders.ts";
import { linksSchema } from "../../../widgets/links/data.ts";
import { quotesSchema } from "../../../widgets/quotes/data.ts";
import { videosSchema } from "../../../widgets/video/data.ts";

export type DocumentKind = "article" | "page";

/** The Markdown file the editor UI would write: front matter as YAML, then the body. */
export function documentText(data: Record<string, unknown>): string {
  const { body, ...frontMatter } = data;
  const fm = Object.fromEntries(Object.entries(frontMatter).filter(([, v]) => v !== undefined && v !== null && v !== "" && !(Array.isArray(v) && v.length === 0)));
  return `---\n${stringify(fm, { lineWidth: 0 })}---\n${typeof body === "string" ? body : ""}\n`;
}

function checkText(text: string, file: string): ContentIssue[] {
  return [...checkNfd(text, file), ...checkLegacyEncoding(text, file)];
}

/** Issues of one article or page, as `npm run check` reports them for that file alone. */
export function checkDocument(kind: DocumentKind, text: string, file: string): ContentIssue[] {
  const issues = [...checkText(text, file), ...checkPlaceholders(text, file)];
  const split = splitFrontMatter(text, file);
  if ("issue" in split) return [...issues, split.issue];
  const schema: z.ZodType = kind === "article" ? articleFrontMatter : pageFrontMatter;
  const result = schema.safeParse(split.source.value);
  if (!result.success) return [...issues, ...schemaIssues(result.error, split.source, file)];
  if (kind === "article") {
    const fm = result.data as z.infer<typeof articleFrontMatter>;
    const date = parseContentDate(fm.date);
    if (!date.ok) issues.push({ file, line: split.source.lineOf(["date"]), field: "date", message: date.message, severity: "error" });
    // The category is chosen from a list of the keys (or fixed, for announcements): it cannot be unknown here.
  }
  return issues;
}

const DATA_SCHEMAS: Record<string, z.ZodType> = {
  "site.yaml": siteData,
  "links.yaml": linksSchema,
  "quotes.yaml": quotesSchema,
  "videos.yaml": videosSchema,
};

/** Issues of a data file under content/_data/, from the schema its loader uses. */
export function checkDataFile(name: string, text: string, file: string): ContentIssue[] {
  const schema = DATA_SCHEMAS[name];
  const parsed = parseYaml(text, file);
  if ("issue" in parsed) return [parsed.issue];
  if (!schema) return checkText(text, file);
  const result = schema.safeParse(parsed.source.value);
  return [...checkText(text, file), ...(result.success ? [] : schemaIssues(result.error, parsed.source, file))];
}

export const errorsOf = (issues: ContentIssue[]) => issues.filter((i) => i.severity === "error");

/** Thrown by the preSave listener; Decap shows it in its "Chưa lưu." notice. */
export class EntryRejected extends Error {
  constructor(readonly issues: ContentIssue[]) {
    super(issues.map(formatIssue).join("\n"));
    this.name = "EntryRejected";
  }
  override toString(): string {
    return this.message;
  }
}
