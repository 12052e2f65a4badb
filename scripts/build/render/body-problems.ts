import type Token from "markdown-it/lib/token.mjs";
import { slugify } from "../model/slug.ts";
import { youtubeId } from "./video-block.ts";

/** A problem in a Markdown body, at its line in the source file. */
export interface RenderProblem {
  line: number;
  field: string;
  message: string;
  severity: "error" | "warning";
}

/**
 * `![alt](target)` or `[text](target)` that markdown-it left as text: the target has a space or a bad
 * bracket. Bounded, so a line of `[a]([a](…` is not tried from every bracket to its end (quadratic:
 * 600 KB of it took minutes); a real label or address is far shorter.
 */
const UNPARSED = /(!?)\[([^\]\n]{0,1000})\]\(([^)\n]{0,2000})\)/g;
/** Schemes markdown-it never turns into a link (its validateLink): code a browser would run, or a local file. */
const BLOCKED = /^\s*<?\s*(javascript|vbscript|file|data):/i;

/**
 * What markdown-it accepts without a word but the reader sees broken: nesting past
 * `maxNesting` (the rest of the body silently disappears), image or link syntax left
 * as raw text, and video blocks that are never closed or whose id is not YouTube's.
 */
export function bodyProblems(tokens: Token[], bodyLine: number, maxNesting: number): RenderProblem[] {
  const problems: RenderProblem[] = [];
  let lastLine = bodyLine;
  let nestingReported = false;
  for (const token of tokens) {
    if (token.map) lastLine = bodyLine + token.map[0];
    // An opening token at the last level cannot hold its content: markdown-it drops the rest of the body.
    if (!nestingReported && token.nesting === 1 && token.level >= maxNesting - 1) {
      nestingReported = true;
      problems.push({
        line: lastLine,
        field: "markdown",
        message: `danh sách (hoặc trích dẫn) lồng nhau quá ${Math.floor(maxNesting / 2) - 1} cấp: từ đây trở đi chữ bị mất khỏi trang — giảm số cấp thụt lề`,
        severity: "error",
      });
    }
    if (token.type === "video_block") problems.push(...videoProblems(token, lastLine));
    if (token.type === "inline") problems.push(...unparsed(token, lastLine));
  }
  return problems;
}

function videoProblems(token: Token, line: number): RenderProblem[] {
  const problems: RenderProblem[] = [];
  if (token.meta?.unclosed) {
    problems.push({
      line,
      field: "video",
      message: "khối `::: video` chưa được đóng, phần còn lại của bài thành chú thích video — thêm một dòng `:::` ngay sau dòng chú thích",
      severity: "error",
    });
  }
  if (token.info && !youtubeId(token.info)) {
    problems.push({
      line,
      field: "video",
      message:
        `"${token.info}" không phải địa chỉ hay mã video YouTube — viết \`::: video https://www.youtube.com/watch?v=XXXXXXXXXXX\` ` +
        "(hoặc https://youtu.be/XXXXXXXXXXX; mã gồm đúng 11 chữ, số, - hoặc _), hoặc để trống sau `::: video` nếu chưa có video",
      severity: "error",
    });
  }
  return problems;
}

function unparsed(inline: Token, line: number): RenderProblem[] {
  const text = (inline.children ?? []).filter((c) => c.type === "text").map((c) => c.content).join("\n");
  const problems: RenderProblem[] = [];
  for (const [whole, bang, label, target] of text.matchAll(UNPARSED)) {
    const at = line + Math.max(0, inline.content.slice(0, inline.content.indexOf(whole)).split("\n").length - 1);
    const image = bang === "!";
    const blocked = BLOCKED.exec(target!);
    if (blocked) {
      const scheme = blocked[1]!.toLowerCase();
      problems.push({
        line: at,
        field: image ? "image" : "link",
        message:
          `\`${whole}\`: địa chỉ ${scheme}: ${scheme === "file" ? "là tệp trên máy tính của bạn" : "có thể là mã chạy trong trình duyệt"}, nên trang không bao giờ ` +
          `đăng nó thành ${image ? "ảnh" : "liên kết"} (chữ hiện nguyên văn) — xóa nó, hoặc viết một địa chỉ web https://… hay một tệp trong content/media`,
        severity: "error",
      });
      continue;
    }
    const hint = /\s/.test(target!.trim())
      ? spacedHint(image, label!, target!.trim())
      : `kiểm tra dấu ngoặc: viết \`${bang}[${label}](địa-chỉ)\` không có dấu cách giữa \`]\` và \`(\``;
    problems.push({
      line: at,
      field: image ? "image" : "link",
      message: `\`${whole}\` hiện nguyên văn trên trang thay vì ${image ? "ảnh" : "liên kết"} — ${hint}`,
      // A raw image is a broken page; a raw link still reads.
      severity: image ? "error" : "warning",
    });
  }
  return problems;
}

function spacedHint(image: boolean, label: string, target: string): string {
  const bang = image ? "!" : "";
  const slash = target.lastIndexOf("/");
  const name = target.slice(slash + 1);
  const dot = name.lastIndexOf(".");
  const base = dot > 0 ? name.slice(0, dot) : name;
  const renamed = slugify(base);
  const fixed = `${target.slice(0, slash + 1)}${renamed}${dot > 0 ? name.slice(dot).toLowerCase() : ""}`;
  return (
    `đường dẫn có dấu cách: đổi tên tệp thành \`${fixed.slice(slash + 1)}\` rồi viết \`${bang}[${label}](${fixed})\`, ` +
    `hoặc đặt đường dẫn trong dấu <…>: \`${bang}[${label}](<${target}>)\``
  );
}
