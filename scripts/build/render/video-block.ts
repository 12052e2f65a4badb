import type MarkdownIt from "markdown-it";
import type StateBlock from "markdown-it/lib/rules_block/state_block.mjs";
import { h } from "preact";
import { renderToString } from "preact-render-to-string";
import { VideoPlayer, type PlayableVideo } from "../../../widgets/video/VideoPlayer.tsx";

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;

/** Accepts a bare id or a YouTube watch/share/embed URL; anything else is unknown. */
export function youtubeId(value: string): string | null {
  const v = value.trim();
  if (YOUTUBE_ID.test(v)) return v;
  const m = /(?:youtube(?:-nocookie)?\.com\/(?:watch\?(?:.*&)?v=|embed\/|shorts\/)|youtu\.be\/)([A-Za-z0-9_-]{11})/.exec(v);
  return m ? m[1]! : null;
}

/**
 * Click-to-load YouTube embed, written by editors as
 *
 *     ::: video <youtube id or URL, may be empty>
 *     Caption text
 *     :::
 *
 * Without JavaScript the link opens the video on youtube-nocookie; with it,
 * the client swaps in the iframe. Nothing is fetched from YouTube before a click.
 */
export function videoBlock(md: MarkdownIt): void {
  md.block.ruler.before("fence", "video", (state: StateBlock, startLine, endLine, silent) => {
    const start = state.bMarks[startLine]! + state.tShift[startLine]!;
    const first = state.src.slice(start, state.eMarks[startLine]);
    const open = /^:::\s*video\b(.*)$/.exec(first);
    if (!open) return false;
    if (silent) return true;
    let line = startLine + 1;
    const caption: string[] = [];
    for (; line < endLine; line++) {
      const text = state.src.slice(state.bMarks[line]! + state.tShift[line]!, state.eMarks[line]);
      if (/^:::\s*$/.test(text)) break;
      caption.push(text);
    }
    const token = state.push("video_block", "figure", 0);
    token.map = [startLine, line];
    // Without its `:::` the block swallows the rest of the body: the check reports it.
    if (line >= endLine) token.meta = { unclosed: true };
    token.info = open[1]!.trim();
    token.content = caption.join(" ").trim();
    state.line = Math.min(line + 1, endLine);
    return true;
  });
  // The same player as the sidebar and /video/ (widgets/video/VideoPlayer.tsx).
  md.renderer.rules.video_block = (tokens, idx) => {
    const token = tokens[idx]!;
    const title = token.content || "Video";
    const id = youtubeId(token.info);
    const video: PlayableVideo = id ? { kind: "youtube", title, youtubeId: id } : { kind: "unavailable", title };
    return `${renderToString(h(VideoPlayer, { video }))}\n`;
  };
}
