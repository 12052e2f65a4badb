/** Finds the line of a front-matter field, for messages about fields the model no longer locates. */
export type LineOf = (file: string, field: string) => number;

/** Builds a LineOf from the raw texts of the files, keyed by their display path. */
export function lineLocator(texts: ReadonlyMap<string, string>): LineOf {
  return (file, field) => {
    const lines = (texts.get(file) ?? "").split("\n");
    const end = lines.indexOf("---", 1);
    const key = new RegExp(`^${field}\\s*:`);
    const index = lines.slice(0, end < 0 ? lines.length : end).findIndex((line) => key.test(line));
    return index < 0 ? 1 : index + 1;
  };
}
