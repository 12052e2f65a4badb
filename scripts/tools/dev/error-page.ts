import { escapeUTF8 as escapeHtml } from "entities";
import { formatIssue, type ContentIssue } from "../../build/content/issues.ts";


/** Where a thrown error points in our own files: `path:line` of its first frame outside node_modules. */
function errorLocation(error: Error): string | undefined {
  for (const line of (error.stack ?? "").split("\n").slice(1)) {
    const m = /\(?(?:file:\/\/)?(\/[^():]+):(\d+):\d+\)?$/.exec(line.trim());
    if (m && !m[1]!.includes("/node_modules/")) return `${m[1]!.replace(`${process.cwd()}/`, "")}:${m[2]}`;
  }
  return undefined;
}

/**
 * The page `npm start` serves instead of any page while the content has errors or a template
 * failed: never the last good page. In Vietnamese, like every message an editor reads.
 */
export function errorPage(problem: { issues: ContentIssue[] } | { lines: string[] } | { error: Error }): string {
  let heading: string;
  let body: string;
  if ("issues" in problem || "lines" in problem) {
    const errors = "lines" in problem ? problem.lines : problem.issues.filter((i) => i.severity === "error").map(formatIssue);
    heading = `Nội dung có ${errors.length} lỗi — trang chưa thể hiển thị`;
    body =
      `<p>Mỗi dòng ghi <code>tệp:dòng: trường: lỗi — cách sửa</code>. Sửa các lỗi rồi lưu tệp; trang sẽ tự tải lại.</p>` +
      `<pre>${escapeHtml(errors.join("\n"))}</pre>`;
  } else {
    const where = errorLocation(problem.error);
    heading = "Lỗi khi dựng trang — trang chưa thể hiển thị";
    body =
      `<p>${where ? `Tại <code>${escapeHtml(where)}</code>. ` : ""}Sửa mẫu trang (layouts/, widgets/, routes/) hoặc tệp dữ liệu rồi lưu; trang sẽ tự tải lại.</p>` +
      `<pre>${escapeHtml(problem.error.stack ?? problem.error.message)}</pre>`;
  }
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Lỗi — npm start</title>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#222}h1{color:#b00020;font-size:1.4rem}pre{white-space:pre-wrap;background:#fff4f4;border-left:4px solid #b00020;padding:1rem;overflow:auto}</style>
</head><body><h1>${escapeHtml(heading)}</h1>${body}</body></html>
`;
}
