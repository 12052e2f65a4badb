import jsYaml from "js-yaml";
import { LineCounter, parseDocument, type Document } from "yaml";
import type { z } from "zod";
import type { ContentIssue } from "./issues.ts";

/** A parsed YAML document that can say on which line a value stands. */
export interface YamlSource {
  value: unknown;
  lineOf(path: readonly PropertyKey[]): number;
}

/**
 * Parse YAML with the core schema, so timestamps stay strings (we parse dates
 * ourselves, in Vietnam time). `firstLine` is the file line of the YAML's line 1.
 * js-yaml is the fast path; the `yaml` package, which knows where every node
 * stands, is only run for error messages and line lookups.
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
  let located: ReturnType<typeof locate> | undefined;
  return {
    source: {
      value: value ?? null,
      lineOf: (path) => (located ??= locate(text))(path) + firstLine - 1,
    },
  };
}

function syntaxIssue(text: string, file: string, firstLine: number): ContentIssue {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, schema: "core", prettyErrors: false });
  const err = doc.errors[0];
  // An unclosed bracket or quote is reported past the end: point at the last line instead.
  const lastLine = text.trimEnd().split("\n").length;
  const line = err ? Math.min(lineCounter.linePos(err.pos[0]).line, lastLine) : 1;
  const reason = err?.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "") ?? "invalid YAML";
  return {
    file,
    line: line + firstLine - 1,
    field: "yaml",
    message: `${reason} — check the quoting and indentation near this line (a value containing ": " needs quotes)`,
    severity: "error",
  };
}

/** Line (1-based, within the YAML text) of the value at `path`, or of its nearest ancestor. */
function locate(text: string): (path: readonly PropertyKey[]) => number {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter, schema: "core" });
  return (path) => {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth) as unknown[], true);
      const range = (node as { range?: [number, number, number] } | undefined)?.range;
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
export function schemaIssues(
  error: z.ZodError,
  source: YamlSource,
  file: string,
  describe: (issue: z.core.$ZodIssue) => string = (i) => i.message,
): ContentIssue[] {
  return error.issues.map((issue) => ({
    file,
    line: source.lineOf(issue.path),
    field: issue.path.join(".") || "(file)",
    message: describe(issue),
    severity: "error" as const,
  }));
}
