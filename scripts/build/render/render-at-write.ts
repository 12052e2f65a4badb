type Render = () => unknown;

/**
 * Each page rendered as it is written, not all of them first. Eleventy renders every page's content
 * before it writes any (TemplateMap's populateContentDataInMap) and keeps that content to the end
 * of the build: at 20,000 articles every page sat in memory at once. Here a template's render
 * only files the page's render under its output path and answers ""; the first transform, which
 * Eleventy runs as it writes each page (one page at a time per template), renders it.
 */
export function renderAtWrite() {
  const pending = new Map<string, Render>();
  return {
    /** In place of a template's render: the page is rendered by `render` below when it is written. */
    defer(outputPath: unknown, render: Render): unknown {
      if (typeof outputPath !== "string") return render();
      pending.set(outputPath, render);
      return "";
    },
    /** The first transform: the page filed under `outputPath`, rendered now; anything else as it came. */
    async render(outputPath: unknown, content: string): Promise<string> {
      const render = typeof outputPath === "string" ? pending.get(outputPath) : undefined;
      if (!render) return content;
      pending.delete(outputPath as string);
      return (await render()) as string;
    },
  };
}
