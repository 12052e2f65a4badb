import type { CategoriesData } from "../content/schema.ts";
import { categoryChoices } from "../import/new-article.ts";

export interface AdminOptions {
  /** Content folder relative to the repository root, with "/" separators (usually "content"). */
  contentPath: string;
  /** "owner/name" on GitHub; without it only the local backend (decap-server) works. */
  githubRepo?: string;
  branch?: string;
  /** decap-server's API, when not the default http://localhost:8081/api/v1. */
  localBackendUrl?: string;
}

const string = (name: string, label: string, extra: object = {}) => ({ name, label, widget: "string", ...extra });
const optional = { required: false };

/** Decap CMS configuration matching the content model in scripts/content/schema.ts. */
export function cmsConfig(categories: CategoriesData, options: AdminOptions): Record<string, unknown> {
  const c = options.contentPath;
  const categoryField = {
    name: "category",
    label: "Chuyên mục",
    widget: "select",
    options: categoryChoices(categories).map(({ key, label }) => ({ value: key, label })),
  };
  const articleFields = (category: object) => [
    string("title", "Tiêu đề", { hint: "Tối đa 150 ký tự." }),
    // Decap writes the browser's offset: +07:00 for editors in Vietnam, still the right instant elsewhere.
    { name: "date", label: "Ngày đăng", widget: "datetime", format: "YYYY-MM-DDTHH:mm:ssZ", default: "{{now}}", hint: "Đặt ngày trong tương lai để hẹn giờ đăng." },
    category,
    string("author", "Tác giả (viết tắt)", optional),
    { name: "summary", label: "Tóm tắt", widget: "text", required: false, hint: "Tối đa 300 ký tự. Để trống thì lấy đoạn đầu." },
    { name: "image", label: "Ảnh đại diện", widget: "image", required: false },
    string("image_alt", "Mô tả ảnh đại diện", { required: false, hint: "Bắt buộc khi có ảnh đại diện." }),
    { name: "tags", label: "Thẻ", widget: "list", required: false, hint: "Cách nhau bằng dấu phẩy." },
    { name: "draft", label: "Bản nháp (chưa đăng)", widget: "boolean", required: false, default: false },
    { name: "body", label: "Nội dung", widget: "markdown" },
  ];
  const articles = {
    label_singular: "bài viết",
    folder: `${c}/tin-tuc`,
    path: "{{year}}/{{slug}}",
    create: true,
    extension: "md",
    format: "frontmatter",
    slug: "{{slug}}",
    // Uploads go to content/media; the Markdown gets a path relative to tin-tuc/<year>/<slug>.md.
    media_folder: `/${c}/media`,
    public_folder: "../../media",
    summary: "{{title}} — {{year}}/{{month}}/{{day}}",
    sortable_fields: ["date", "title"],
    view_groups: [{ label: "Năm", field: "date", pattern: "\\d{4}" }],
  };
  const listFile = (name: string, label: string, fields: object[]) => ({
    name,
    label,
    file: `${c}/_data/${name}.yaml`,
    fields: [{ name: "items", label, widget: "list", fields }],
  });
  return {
    backend: options.githubRepo
      ? { name: "github", repo: options.githubRepo, branch: options.branch ?? "main" }
      : { name: "proxy", proxy_url: options.localBackendUrl ?? "http://localhost:8081/api/v1", branch: options.branch ?? "main" },
    local_backend: options.localBackendUrl ? { url: options.localBackendUrl } : true,
    locale: "vi",
    media_folder: `${c}/media`,
    public_folder: "/media",
    slug: { encoding: "ascii", clean_accents: true, sanitize_replacement: "-" },
    collections: [
      { name: "tin-tuc", label: "Tin bài", ...articles, fields: articleFields(categoryField) },
      {
        name: "thong-bao",
        label: "Thông báo",
        ...articles,
        label_singular: "thông báo",
        filter: { field: "category", value: "thong-bao" },
        fields: articleFields({ name: "category", label: "Chuyên mục", widget: "hidden", default: "thong-bao" }),
      },
      {
        name: "trang",
        label: "Trang",
        label_singular: "trang",
        folder: `${c}/trang`,
        create: true,
        extension: "md",
        format: "frontmatter",
        slug: "{{slug}}",
        media_folder: `/${c}/media`,
        public_folder: "../media",
        fields: [
          string("title", "Tiêu đề"),
          { name: "summary", label: "Tóm tắt", widget: "text", required: false },
          { name: "menu_order", label: "Thứ tự trong menu", widget: "number", value_type: "int", required: false },
          { name: "show_contact", label: "Hiện thông tin liên hệ", widget: "boolean", required: false, default: false },
          { name: "draft", label: "Bản nháp (chưa đăng)", widget: "boolean", required: false, default: false },
          { name: "body", label: "Nội dung", widget: "markdown" },
        ],
      },
      {
        name: "du-lieu",
        label: "Hộp bên phải",
        format: "yaml-list",
        files: [
          listFile("links", "Liên kết web", [string("title", "Tên trang"), string("url", "Địa chỉ", { hint: "https://… hoặc /…" })]),
          listFile("quotes", "Danh ngôn khoa học", [
            { name: "text", label: "Câu nói", widget: "text" },
            string("author", "Tác giả"),
            string("source", "Nguồn", optional),
          ]),
          listFile("videos", "Video", [
            string("title", "Tiêu đề"),
            string("youtube", "Mã YouTube (11 ký tự sau watch?v=)", optional),
            { name: "featured", label: "Hiện ở hộp bên phải", widget: "boolean", required: false },
          ]),
        ],
      },
    ],
  };
}
