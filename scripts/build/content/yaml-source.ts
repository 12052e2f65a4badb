import jsYaml from "js-yaml";
import { isAlias, LineCounter, parseDocument, visit, type Document } from "yaml";
import type { z } from "zod";
import type { ContentIssue } from "./issues.ts";

/** A parsed YAML document that can say on which line a value stands. */
export interface YamlSource {
  value: unknown;
  /** With `key`, the line of the key at the end of `path` rather than of its value. */
  lineOf(path: readonly PropertyKey[], key?: boolean): number;
}

/**
 * Parse YAML with the core schema, so timestamps stay strings (we parse dates
 * ourselves, in Vietnam time). `firstLine` is the file line of the YAML's line 1.
 * js-yaml is the fast path; the `yaml` package, which keeps every node's range,
 * is only run for error messages and line lookups.
 */
export function parseYaml(
  text: string,
  file: string,
  firstLine = 1,
): { source: YamlSource } | { issue: ContentIssue } {
  let value: unknown;
  try {
    value = jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA });
  } catch {
    return { issue: syntaxIssue(text, file, firstLine) };
  }
  // `*x` only where the text could hold an alias: most files have none, and skip the second parse.
  const alias = /(?:^|[\s[{,])\*[^\s,[\]{}]/m.test(text) ? aliasIssue(text, file, firstLine) : undefined;
  if (alias) return { issue: alias };
  let located: ReturnType<typeof locate> | undefined;
  return {
    source: {
      value: value ?? null,
      lineOf: (path, key) => (located ??= locate(text))(path, key) + firstLine - 1,
    },
  };
}

const CURLY = /[“”‘’]/;
const KEY_VALUE = /^(\s*(?:-\s+)?)([\p{L}\w-]+):[ \t]+(.*)$/u;

/** The usual editors' YAML mistakes, in plain words, with the corrected line where it is clear. */
function explain(line: string, reason: string): string {
  if (/^\s*\t/.test(line) || /\btab/i.test(reason)) {
    return "dòng này thụt lề bằng phím Tab — YAML chỉ nhận dấu cách: xóa Tab và thụt lề bằng dấu cách";
  }
  const glued = /^(\s*(?:-\s+)?)([A-Za-z_][\w-]*):(\S.*)$/.exec(line);
  if (glued && !/^\/\//.test(glued[3]!)) {
    return `sau dấu hai chấm cần một dấu cách — viết: \`${glued[1]}${glued[2]}: ${glued[3]}\``;
  }
  const pair = KEY_VALUE.exec(line);
  if (pair && CURLY.test(line)) {
    const value = pair[3]!.replace(/^[“‘]|[”’]$/g, "").replace(/["\\]/g, "\\$&");
    return `dấu ngoặc kép cong “…” không phải dấu ngoặc của YAML — dùng dấu ngoặc kép thẳng, viết: \`${pair[1]}${pair[2]}: "${value}"\``;
  }
  if (pair && /:\s/.test(pair[3]!) && !/^["']/.test(pair[3]!)) {
    const value = pair[3]!.replace(/["\\]/g, "\\$&");
    return `giá trị có dấu hai chấm phải đặt trong ngoặc kép thẳng — viết: \`${pair[1]}${pair[2]}: "${value}"\``;
  }
  return `không đọc được (${reason}) — kiểm tra dấu ngoặc kép và thụt lề quanh dòng này (giá trị có dấu hai chấm phải đặt trong ngoặc kép "…")`;
}

function syntaxIssue(text: string, file: string, firstLine: number): ContentIssue {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, schema: "core", prettyErrors: false });
  const err = doc.errors[0];
  const lines = text.split("\n");
  // An unclosed bracket or quote is reported past the end: point at the last line instead.
  const lastLine = text.trimEnd().split("\n").length;
  const line = err ? Math.min(lineCounter.linePos(err.pos[0]).line, lastLine) : 1;
  const reason = err?.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "") ?? "invalid YAML";
  return { file, line: line + firstLine - 1, field: "yaml", message: explain(lines[line - 1] ?? "", reason), severity: "error" };
}

/**
 * YAML aliases (`&a` … `*a`): no editor needs them, and ten lines of aliases to aliases
 * (a "billion laughs") make a value of 10¹² leaves that every later step would walk for ever.
 */
function aliasIssue(text: string, file: string, firstLine: number): ContentIssue | undefined {
  const lineCounter = new LineCounter();
  let line: number | undefined;
  let name = "";
  visit(parseDocument(text, { lineCounter, schema: "core" }), (_, node) => {
    if (!isAlias(node)) return undefined;
    line = lineCounter.linePos(node.range?.[0] ?? 0).line;
    name = node.source;
    return visit.BREAK;
  });
  if (line === undefined) return undefined;
  const message = `dùng bí danh YAML (*${name}), điều trang không nhận — chép thẳng giá trị vào chỗ này và xóa dấu & ở chỗ đặt tên`;
  return { file, line: line + firstLine - 1, field: "yaml", message, severity: "error" };
}

/** Line (1-based, within the YAML text) of the value at `path` (or its key), or of its nearest ancestor. */
function locate(text: string): (path: readonly PropertyKey[], key?: boolean) => number {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter, schema: "core" });
  return (path, key = false) => {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = depth === 0 || (key && depth === path.length) ? undefined : doc.getIn(path.slice(0, depth) as unknown[], true);
      const range = ((depth === 0 ? doc.contents : node) as { range?: [number, number, number] } | undefined)?.range;
      if (range) return lineCounter.linePos(range[0]).line;
      if (depth > 0) {
        // A key whose value is empty has no node: point at the key itself.
        const parent = depth === 1 ? doc.contents : doc.getIn(path.slice(0, depth - 1) as unknown[], true);
        const pair = (parent as { items?: { key?: { value?: unknown; range?: [number, number, number] } }[] } | null)?.items?.find(
          (p) => p.key?.value === path[depth - 1],
        );
        if (pair?.key?.range) return lineCounter.linePos(pair.key.range[0]).line;
      }
    }
    return 1;
  };
}

/** Turn zod issues into content issues that point at the offending line. */
export function schemaIssues(error: z.ZodError, source: YamlSource, file: string): ContentIssue[] {
  return error.issues.map((issue) => ({
    file,
    // An unknown field is reported at its own line, not at the start of its object; a bad key at the key.
    line:
      issue.code === "unrecognized_keys" ? source.lineOf([...issue.path, issue.keys[0]!]) : source.lineOf(issue.path, issue.code === "invalid_key"),
    field: issue.path.join(".") || "(file)",
    message: issue.message,
    severity: "error" as const,
  }));
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Embedding, override and isolate controls: they reorder what readers see (the "Trojan Source" trick). */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/**
 * Characters no editor means to type, in every text value of a YAML document:
 * lone surrogates (they crash the search indexer), bidi controls and control characters.
 * Each at the line of its value.
 */
export function textIssues(source: YamlSource, file: string): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const visit = (value: unknown, path: PropertyKey[]) => {
    if (typeof value === "string") {
      const problem = LONE_SURROGATE.test(value)
        ? "có một ký tự hỏng (nửa cặp UTF-16, thường do một mã \\uD800… viết tay) — xóa nó và gõ lại chữ đó"
        : BIDI_CONTROL.test(value)
          ? "có ký tự điều khiển chiều chữ (U+202A–U+202E, U+2066–U+2069) làm đảo thứ tự chữ hiện trên trang — xóa nó (gõ lại dòng này)"
          : CONTROL.test(value)
            ? "có ký tự điều khiển không in được — gõ lại dòng này"
            : undefined;
      if (problem) issues.push({ file, line: source.lineOf(path), field: path.join(".") || "(file)", message: problem, severity: "error" });
      else if (/^[“‘].*[”’]$/su.test(value.trim())) {
        issues.push({
          file,
          line: source.lineOf(path),
          field: path.join("."),
          message: "dấu ngoặc kép cong “…” không phải dấu ngoặc của YAML và sẽ hiện trên trang — bỏ chúng, hoặc dùng dấu ngoặc kép thẳng \"…\"",
          severity: "warning",
        });
      }
    } else if (Array.isArray(value)) value.forEach((v, i) => visit(v, [...path, i]));
    else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) visit(v, [...path, k]);
  };
  visit(source.value, []);
  return issues;
}
