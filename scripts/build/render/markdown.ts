import MarkdownIt from "markdown-it";
import anchor from "markdown-it-anchor";
import type Token from "markdown-it/lib/token.mjs";
import type { BodyReference } from "../model/types.ts";
import { slugify } from "../model/slug.ts";
import { bodyProblems, type RenderProblem } from "./body-problems.ts";
import { videoBlock } from "./video-block.ts";

/** What the renderer needs from, and reports to, the caller for one document. */
export interface RenderEnv {
  /** Turns a Markdown image/link target into a site URL (e.g. ../../media/x.jpg → /media/x.jpg). */
  resolveUrl: (target: string) => string;
  /** Line of the body's first line in the source file. */
  bodyLine: number;
  references: BodyReference[];
  /** What would break or spoil the page, found while parsing (the caller turns them into content issues). */
  problems: RenderProblem[];
}

function createRenderer(): MarkdownIt {
  // Raw HTML is off: editors cannot inject <script>, <iframe> or styles.
  const md = new MarkdownIt({ html: false, linkify: true, typographer: false });
  md.use(anchor, { slugify, tabIndex: false });
  md.use(videoBlock);
  md.core.ruler.push("figures_and_refs", (state) => {
    const env = state.env as RenderEnv;
    const tokens = state.tokens;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      if (token.type !== "inline") continue;
      // Each line break inside the paragraph moves the references after it one line down.
      let line = env.bodyLine + (token.map?.[0] ?? 0);
      for (const child of token.children ?? []) {
        if (child.type === "softbreak" || child.type === "hardbreak") line++;
        collectReference(child, line, env);
      }
      const only = token.children?.filter((c) => !(c.type === "text" && c.content.trim() === ""));
      if (only?.length === 1 && only[0]!.type === "image" && tokens[i - 1]?.type === "paragraph_open") {
        tokens[i - 1]!.tag = "figure";
        tokens[i + 1]!.tag = "figure";
        only[0]!.meta = { figure: true };
      }
    }
  });
  const defaultImage = md.renderer.rules.image!;
  md.renderer.rules.image = (tokens, idx, options, env, self) => {
    const token = tokens[idx]!;
    const caption = token.attrGet("title");
    if (!token.meta?.figure) return defaultImage(tokens, idx, options, env, self);
    token.attrs = token.attrs?.filter(([name]) => name !== "title") ?? null;
    const img = defaultImage(tokens, idx, options, env, self);
    return caption ? `${img}<figcaption>${md.utils.escapeHtml(caption)}</figcaption>` : img;
  };
  return md;
}

function collectReference(token: Token, line: number, env: RenderEnv): void {
  const attr = token.type === "image" ? "src" : token.type === "link_open" ? "href" : null;
  if (!attr) return;
  const target = token.attrGet(attr);
  if (!target) return;
  env.references.push({ kind: token.type === "image" ? "image" : "link", target, line });
  token.attrSet(attr, env.resolveUrl(target));
}

const renderer = createRenderer();

export interface RenderedMarkdown {
  html: string;
  /** Plain text of the first paragraph, for summaries. */
  firstParagraph: string;
  references: BodyReference[];
  problems: RenderProblem[];
}

export function renderMarkdown(body: string, env: Omit<RenderEnv, "references" | "problems">): RenderedMarkdown {
  const fullEnv: RenderEnv = { ...env, references: [], problems: [] };
  const tokens = renderer.parse(body, fullEnv);
  fullEnv.problems.push(...bodyProblems(tokens, env.bodyLine, (renderer.options as { maxNesting?: number }).maxNesting ?? 100));
  const html = renderer.renderer.render(tokens, renderer.options, fullEnv);
  let firstParagraph = "";
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type === "paragraph_open" && token.tag === "p" && tokens[i + 1]?.type === "inline") {
      firstParagraph = plainText(tokens[i + 1]!);
      if (firstParagraph) break;
    }
  }
  return { html, firstParagraph, references: fullEnv.references, problems: fullEnv.problems };
}

function plainText(inline: Token): string {
  return (inline.children ?? [])
    .map((c) => (c.type === "text" || c.type === "code_inline" ? c.content : c.type === "softbreak" ? " " : ""))
    .join("")
    .replace(/\s+/g, " ")
    .trim();
}
