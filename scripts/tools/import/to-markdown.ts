import { stringify } from "yaml";
import { toIso } from "../../build/model/dates.ts";
import type { LegacyArticle, LegacyBlock } from "./parse-export.ts";
import { PLACEHOLDER_MEDIA } from "./placeholder.ts";

export interface ArticleFile {
  article: LegacyArticle;
  category: string;
  legacyUrls: string[];
}

/** Front matter in the field order of the content model, then the body blocks. */
export function toMarkdown({ article, category, legacyUrls }: ArticleFile): string {
  const fm: Record<string, unknown> = { title: article.title, date: toIso(article.date), category };
  if (article.author) fm.author = article.author;
  if (legacyUrls.length) fm.legacy_url = legacyUrls.length === 1 ? legacyUrls[0] : legacyUrls;
  const yaml = stringify(fm, { lineWidth: 0 });
  return `---\n${yaml}---\n\n${article.blocks.map(blockMarkdown).join("\n\n")}\n`;
}

function blockMarkdown(block: LegacyBlock): string {
  switch (block.kind) {
    case "paragraph":
      return escapeMarkdown(block.text);
    case "figure": {
      // The photo itself did not come over: a shared placeholder keeps the caption in place.
      const alt = escapeMarkdown(`Ảnh tạm thay cho ảnh gốc chưa có: ${block.caption}`);
      return `![${alt}](../../${PLACEHOLDER_MEDIA} "${block.caption.replace(/["\\]/g, "\\$&")}")`;
    }
    case "video":
      return `::: video\n${escapeMarkdown(block.caption)}\n:::`;
  }
}

/** Old-site text is plain: keep Markdown from reading it as emphasis, links, lists or headings. */
export function escapeMarkdown(text: string): string {
  return escapeLineStart(escapeInline(text));
}

/** Characters that start emphasis, code, links, HTML or entities anywhere in a line. */
export function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]<]|&(?=#?\w+;)/g, "\\$&");
}

/** Characters that make a line a heading, quote, list item, table row or fence. */
export function escapeLineStart(line: string): string {
  return line.replace(/^(\s*)([#>+=|-]|:::)/, "$1\\$2").replace(/^(\s*\d+)([.)])(?=\s|$)/, "$1\\$2");
}
