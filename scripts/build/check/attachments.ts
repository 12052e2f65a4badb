import type { ContentIssue } from "../content/issues.ts";
import type { SiteModel } from "../model/types.ts";
import { attachmentText, linkedFiles } from "../search/attachments.ts";

/**
 * Linked PDF and DOCX files whose text search cannot read: a scan has no text, so readers
 * will never find the article by the words in it. A warning, not an error: the file is still
 * published. (Missing files are the link check's.) Extraction is cached, like the build's.
 */
export async function checkAttachments(model: Pick<SiteModel, "articles" | "pages" | "contentDir">): Promise<ContentIssue[]> {
  const issues: ContentIssue[] = [];
  for (const doc of [...model.articles, ...model.pages]) {
    for (const file of linkedFiles(doc, model.contentDir)) {
      const extracted = await attachmentText(file.path);
      if (extracted.ok && extracted.text) continue;
      if (!extracted.ok && extracted.problem === "missing") continue;
      const why = extracted.ok
        ? "không có chữ để tìm kiếm (có lẽ là bản chụp/scan)"
        : `không đọc được (${extracted.problem})`;
      issues.push({
        file: doc.file,
        line: file.line,
        field: "link",
        severity: "warning",
        message: `tệp đính kèm ${file.name} ${why} — bạn đọc sẽ không tìm thấy bài qua nội dung tệp; nếu có thể, hãy tải lên bản PDF/DOCX có chữ (xuất từ Word, hoặc nhận dạng chữ OCR)`,
      });
    }
  }
  return issues;
}
