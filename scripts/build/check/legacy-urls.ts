import type { ContentIssue } from "../content/issues.ts";
import type { Article } from "../model/types.ts";
import { legacyId } from "../publish/redirects.ts";
import { RESERVED_SLUGS } from "../urls.ts";

const EXAMPLE = "ví dụ `legacy_url: /i1644-hoi-nghi-ban-chap-hanh.aspx`";
/** A simple query the old site used, such as `?id=2101`: names and values without placeholders. */
const QUERY = /^[A-Za-z0-9_.-]+=[A-Za-z0-9_.%-]*(?:&[A-Za-z0-9_.-]+=[A-Za-z0-9_.%-]*)*$/;

/**
 * Why an old address cannot become a redirect rule, or undefined when it is a plain
 * path of the old site. Anything else would turn into an open redirect (`//host`,
 * `/\host`, their %-encoded forms), a catch-all rule (`*`, `:placeholder`) or a rule
 * over the new site's own addresses (`served`, lower-case: Netlify matches rules regardless of case).
 */
export function legacyUrlProblem(raw: string, served: ReadonlySet<string>): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(raw)) return `"${raw}" phải là đường dẫn trên trang cũ, không có tên miền — ${EXAMPLE}`;
  if (!raw.startsWith("/")) return `"${raw}" phải bắt đầu bằng dấu / — ${EXAMPLE}`;
  if (/[\s"'<>]/.test(raw)) return `"${raw}" có dấu cách hoặc dấu ngoặc — chép đúng đường dẫn của trang cũ (dấu cách viết là %20)`;
  if (raw.includes("#")) return `"${raw}" có dấu # — trình duyệt không gửi phần sau dấu #; bỏ phần đó đi`;
  const [path, query = ""] = raw.split(/\?(.*)$/s) as [string, string?];
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return `"${raw}" có dấu % không thành mã hợp lệ — chép lại đường dẫn từ trang cũ`;
  }
  if (/^\/[/\\]|\\/.test(decoded) || decoded.includes("//")) {
    return `"${raw}" có // hoặc dấu \\ (kể cả dạng %2F, %5C) — trình duyệt hiểu đó là một trang web khác; legacy_url chỉ là đường dẫn của trang cũ, ${EXAMPLE}`;
  }
  if (/[*:]/.test(decoded) || /[*:]/.test(query)) {
    return `"${raw}" có dấu * hoặc : — đó là ký tự đại diện, sẽ chuyển hướng cả loạt địa chỉ; viết một đường dẫn cụ thể của trang cũ, ${EXAMPLE}`;
  }
  if (decoded.split("/").some((s) => s === "." || s === "..")) return `"${raw}" có đoạn . hoặc .. — viết đường dẫn đầy đủ của trang cũ, ${EXAMPLE}`;
  if (query && !QUERY.test(query)) return `"${raw}" có phần sau dấu ? không đúng dạng tên=giá-trị, ví dụ \`legacy_url: /mobile.aspx?id=2101\``;
  const lower = decoded.toLowerCase();
  const first = lower.split("/")[1]!;
  const trimmed = lower.replace(/\/+$/, "");
  if (decoded === "/" || RESERVED_SLUGS.includes(first) || served.has(lower) || served.has(`${trimmed}/`) || served.has(trimmed)) {
    return `"${raw}" là một địa chỉ của trang mới, không phải của trang cũ — chuyển hướng nó sẽ che mất trang đó; xóa dòng này`;
  }
  return undefined;
}

/** What the check reads of an article; the editor UI builds these from the tree's index (scripts/build/admin/tree-index.ts). */
export type LegacySource = Pick<Article, "file" | "lineOf"> & { frontMatter: { legacy_url?: readonly string[] } };

interface Claim {
  article: LegacySource;
  raw: string;
  line: number;
}

/**
 * Every article's `legacy_url` entries, at their own lines: each must be a plain old
 * path (legacyUrlProblem), and no old address or old article id may lead to two articles.
 */
export function checkLegacyUrls(articles: readonly LegacySource[], served: ReadonlySet<string>): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const claims = new Map<string, Claim>();
  const lowerServed = new Set([...served].map((url) => url.toLowerCase()));
  for (const article of [...articles].sort((a, b) => a.file.localeCompare(b.file))) {
    const list = article.frontMatter.legacy_url ?? [];
    list.forEach((value, i) => {
      const raw = value.trim().normalize("NFC");
      // A single value written without a list falls back to the `legacy_url:` line.
      const line = article.lineOf(["legacy_url", i]);
      const issue = (message: string) => issues.push({ file: article.file, line, field: "legacy_url", message, severity: "error" });
      const problem = legacyUrlProblem(raw, lowerServed);
      if (problem) return issue(problem);
      const id = legacyId(raw);
      const key = id ? `id ${id}` : new URL(raw, "http://old.invalid").href;
      const earlier = claims.get(key);
      if (!earlier) return void claims.set(key, { article, raw, line });
      if (earlier.article === article) return;
      const what = id ? `"${raw}" mang mã bài cũ ${id}, mã mà "${earlier.raw}"` : `"${raw}"`;
      issue(`${what} đã dẫn tới ${earlier.article.file}:${earlier.line} — một địa chỉ cũ chỉ dẫn tới một bài; xóa nó ở một trong hai bài`);
    });
  }
  return issues;
}
