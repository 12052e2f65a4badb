import type { CategoriesData } from "../content/schema.ts";
import { categoryChoices } from "../model/categories.ts";
import { nowInVietnam } from "../model/dates.ts";

export interface AdminOptions {
  /** Content folder relative to the repository root, with "/" separators (usually "content"). */
  contentPath: string;
  /** "owner/name" on GitHub; without it only the local backend (decap-server) works. */
  githubRepo?: string;
  branch?: string;
  /** decap-server's API, when not the default http://localhost:8081/api/v1. */
  localBackendUrl?: string;
}

/**
 * decap-server's API address. It listens on its $PORT (8081 by default); started elsewhere, the build is
 * told with DECAP_SERVER_PORT (not PORT, which dev servers and CI use for themselves).
 */
export function localBackendUrlFromEnv(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const port = env.DECAP_SERVER_PORT;
  return port && /^\d+$/.test(port) ? `http://localhost:${port}/api/v1` : undefined;
}

/**
 * Our date widget (scripts/build/admin/vietnam-datetime.ts), always shown and written in Vietnam time. It
 * replaces Decap's own "datetime": Decap finds an entry's date ({{year}} in paths and media folders,
 * the list's sort) only in a field of that widget name.
 */
export const DATETIME_WIDGET = "datetime";

const string = (name: string, label: string, extra: object = {}) => ({ name, label, widget: "string", ...extra });
const optional = { required: false };
// Not `required`: Decap would then refuse every existing file that leaves the field out.
const checkbox = (name: string, label: string) => ({ name, label, widget: "boolean", required: false, default: false });
const markdownBody = {
  name: "body",
  label: "Nội dung",
  widget: "markdown",
  buttons: ["bold", "italic", "link", "heading-two", "heading-three", "quote", "bulleted-list", "numbered-list"],
  editor_components: ["image", "video"],
  modes: ["rich_text", "raw"],
};

/**
 * Fields of the content schemas (scripts/build/content/schema.ts, widgets/*\/data.ts) that the editor UI
 * deliberately does not show, with why. test/unit/admin-config.test.ts checks that every schema
 * field is either in the config or here.
 */
export const HIDDEN_FIELDS: Record<string, Record<string, string>> = {
  article: {},
  page: {
    slug: "the page's address is part of the menu (menu.yaml); changing it breaks links",
  },
  site: {
    language: "always vi",
  },
  sidebar: {
    widgets: "which boxes show and in which order: a change for the developer (sidebar.yaml)",
    announcements: "the number of announcements in the box: a change for the developer (sidebar.yaml)",
  },
  counter: {
    base_total: "the old site's visit count, set once at the move",
  },
};

/** Decap CMS configuration matching the content model in scripts/build/content/schema.ts. */
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
    {
      name: "date",
      label: "Ngày đăng (giờ Việt Nam)",
      widget: DATETIME_WIDGET,
      hint: "Đặt ngày trong tương lai để hẹn giờ đăng. Đổi ngày thì địa chỉ bài (/tin-tuc/năm/tháng/…) cũng đổi.",
    },
    category,
    string("author", "Tác giả (viết tắt)", optional),
    { name: "summary", label: "Tóm tắt", widget: "text", required: false, hint: "Tối đa 300 ký tự. Để trống thì lấy đoạn đầu." },
    { name: "image", label: "Ảnh đại diện", widget: "image", required: false, choose_url: false },
    string("image_alt", "Mô tả ảnh đại diện", { required: false, hint: "Bắt buộc khi có ảnh đại diện: tả ảnh cho người không xem được ảnh." }),
    { name: "tags", label: "Thẻ", widget: "list", required: false, hint: "Cách nhau bằng dấu phẩy." },
    checkbox("draft", "Bản nháp, chưa đăng lên trang"),
    markdownBody,
    {
      name: "slug",
      label: "Địa chỉ riêng (slug)",
      widget: "string",
      required: false,
      pattern: ["^[a-z0-9]+(-[a-z0-9]+)*$", "Chỉ chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ trien-khai-nhiem-vu"],
      hint: "Thường để trống: địa chỉ lấy từ tên tệp. Đổi địa chỉ của bài đã đăng sẽ làm hỏng các liên kết tới bài.",
    },
    {
      name: "legacy_url",
      label: "Địa chỉ cũ (trang web cũ)",
      widget: "list",
      required: false,
      hint: "Địa chỉ bài trên trang cũ, ví dụ /i1644-hoi-nghi.aspx: người vào địa chỉ cũ được chuyển tới bài này.",
    },
  ];
  // Articles live in tin-tuc/<year>/ and their photos in media/<year>/, the year of the article's date in
  // Vietnam time ({{year}} is computed in Vietnam time by scripts/build/admin/vietnam-time.ts). Decap resolves
  // an image by its file name inside this folder, so both must name the same year.
  const articles = {
    label_singular: "bài viết",
    folder: `${c}/tin-tuc`,
    path: "{{year}}/{{slug}}",
    create: true,
    extension: "md",
    format: "frontmatter",
    slug: "{{slug}}",
    media_folder: `/${c}/media/{{year}}`,
    public_folder: "../../media/{{year}}",
    summary: "{{title}} — {{day}}/{{month}}/{{year}}",
    sortable_fields: [{ field: "date", label: "Ngày đăng", default_sort: "desc" }, { field: "title", label: "Tiêu đề" }],
    view_groups: [{ label: "Năm", field: "date", pattern: "\\d{4}" }],
  };
  const listFile = (name: string, label: string, fields: object[], hint?: string) => ({
    name,
    label,
    file: `${c}/_data/${name}.yaml`,
    fields: [{ name: "items", label, label_singular: label.toLowerCase(), widget: "list", fields, ...(hint ? { hint } : {}) }],
  });
  const year = nowInVietnam().year;
  return {
    backend: options.githubRepo
      ? { name: "github", repo: options.githubRepo, branch: options.branch ?? "main" }
      : { name: "proxy", proxy_url: options.localBackendUrl ?? "http://localhost:8081/api/v1", branch: options.branch ?? "main" },
    local_backend: options.localBackendUrl ? { url: options.localBackendUrl } : true,
    locale: "vi",
    // The "Tập tin" tab shows and receives this year's photos; inside an article, its own year's.
    media_folder: `${c}/media/${year}`,
    public_folder: `/media/${year}`,
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
        // Pages have no date: their photos go to this year's folder like any other upload.
        media_folder: `/${c}/media/${year}`,
        public_folder: `../media/${year}`,
        fields: [
          string("title", "Tiêu đề"),
          { name: "summary", label: "Tóm tắt", widget: "text", required: false },
          { name: "menu_order", label: "Thứ tự trong menu", widget: "number", value_type: "int", required: false },
          checkbox("show_contact", "Hiện thông tin liên hệ dưới bài"),
          checkbox("draft", "Bản nháp, chưa đăng lên trang"),
          markdownBody,
        ],
      },
      {
        name: "lien-he",
        label: "Thông tin đơn vị",
        label_singular: "thông tin đơn vị",
        files: [
          {
            name: "site",
            label: "Tên, địa chỉ, liên hệ",
            file: `${c}/_data/site.yaml`,
            fields: [
              string("name", "Tên đầy đủ"),
              string("short_name", "Tên ngắn"),
              { name: "description", label: "Giới thiệu ngắn (hiện trên kết quả tìm kiếm)", widget: "text", required: false },
              string("url", "Địa chỉ trang web", { required: false, hint: "Ví dụ https://lienhiephoi.quangngai.vn — để trống khi chưa có tên miền." }),
              string("address", "Địa chỉ", optional),
              string("phone", "Điện thoại", optional),
              string("fax", "Fax", optional),
              string("email", "Thư điện tử", optional),
              string("responsible", "Người chịu trách nhiệm nội dung", optional),
              string("licence", "Giấy phép thiết lập trang thông tin điện tử", optional),
            ],
          },
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
            string("youtube", "Mã YouTube (11 ký tự sau watch?v=)", { required: false, hint: "Hoặc để trống và điền tệp video bên dưới." }),
            string("src", "Tệp video trên trang (.mp4)", { required: false, hint: "Ví dụ /media/video/hoi-nghi-2020.mp4 — chỉ khi không có mã YouTube." }),
            string("poster", "Ảnh hiện trước khi phát (cho tệp video)", { required: false, hint: "Ví dụ /media/video/hoi-nghi-2020.jpg — bắt buộc khi có tệp video." }),
            checkbox("featured", "Hiện ở hộp bên phải"),
          ]),
        ],
      },
    ],
  };
}
