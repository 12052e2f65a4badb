import type { ContentIssue } from "../content/issues.ts";
import type { SiteModel } from "../model/types.ts";

/** An article with nothing under its front matter (what `npm run new` leaves) must not be published. */
export function checkEmptyBodies(model: SiteModel, severity: ContentIssue["severity"]): ContentIssue[] {
  return model.articles
    .filter((a) => !a.draft && a.html.trim() === "")
    .map((a) => ({
      file: a.file,
      line: a.bodyLine - 1,
      field: "body",
      message: "bài chưa có nội dung — viết nội dung bài (ít nhất một đoạn văn) dưới dòng `---` này, hoặc thêm dòng `draft: true` vào phần đầu nếu chưa muốn đăng",
      severity,
    }));
}
