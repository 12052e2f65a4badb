// The "::: video" block (scripts/build/render/video-block.ts) as a button of the body editor.
import { renderMarkdown } from "../render/markdown.ts";

export interface VideoBlock {
  url?: string;
  caption?: string;
}

function videoBlockText({ url, caption }: VideoBlock): string {
  return `::: video${url?.trim() ? ` ${url.trim()}` : ""}\n${(caption ?? "").trim()}\n:::`;
}

export const videoComponent = {
  id: "video",
  label: "Video YouTube",
  fields: [
    { name: "url", label: "Địa chỉ YouTube", widget: "string", required: false, hint: "Ví dụ https://www.youtube.com/watch?v=… — để trống khi chưa có video." },
    { name: "caption", label: "Chú thích", widget: "string" },
  ],
  pattern: /^:::[ \t]*video\b([^\n]*)\n([\s\S]*?)\n?:::[ \t]*(?=\n|$)/,
  fromBlock: (match: RegExpMatchArray): VideoBlock => ({ url: match[1]!.trim(), caption: match[2]!.replace(/\s+/g, " ").trim() }),
  toBlock: videoBlockText,
  // The site's own markup: the click-to-load player, or the note that the video is still missing.
  toPreview: (block: VideoBlock) => renderMarkdown(videoBlockText(block), { resolveUrl: (t) => t, bodyLine: 1 }).html,
};

/** Decap's image button with Vietnamese labels and the alt text required, as `npm run check` requires it. */
export const imageComponent = {
  id: "image",
  label: "Ảnh",
  fields: [
    { label: "Ảnh", name: "image", widget: "image", choose_url: false, media_library: { allow_multiple: false } },
    { label: "Mô tả ảnh (cho người không xem được ảnh)", name: "alt", widget: "string" },
    { label: "Chú thích dưới ảnh", name: "caption", widget: "string", required: false },
  ],
  pattern: /^!\[([^\]]*)\]\((.*?)(\s"([^"]*)")?\)/,
  fromBlock: (match: RegExpMatchArray) => match && { image: match[2], alt: match[1], caption: match[4] },
  toBlock: ({ alt, image, caption }: { alt?: string; image?: string; caption?: string }) =>
    `![${alt || ""}](${image || ""}${caption ? ` "${caption.replace(/"/g, '\\"')}"` : ""})`,
};
