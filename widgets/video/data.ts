import { z } from "zod";
import type { ContentIssue } from "../../scripts/build/content/issues.ts";
import { slugify } from "../../scripts/build/model/slug.ts";
import { youtubeId } from "../../scripts/build/render/video-block.ts";
import { readDataFile } from "../../scripts/build/content/data-files.ts";
import { strictFields } from "../../scripts/build/content/schema.ts";
import { isSitePath } from "../../scripts/build/urls.ts";

/** An empty `youtube:` line is the same as none. */
const blankable = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === null || (typeof v === "string" && v.trim() === "") ? undefined : v), schema.optional());

const sitePath = (ext: RegExp, example: string) =>
  z
    .string({ error: `phải là một tệp trên trang này, ví dụ \`${example}\`` })
    .trim()
    .refine(isSitePath, `phải là một đường dẫn trên trang này bắt đầu bằng một dấu / (không phải // hay /\\), ví dụ \`${example}\``)
    .regex(ext, `phải là tệp ${example.slice(example.lastIndexOf("."))}, ví dụ \`${example}\``);

export const videoEntrySchema = strictFields({
      title: z.string({ error: "còn thiếu — thêm một dòng như `title: Hội nghị Ban chấp hành năm 2020`" }).trim().min(1, "không được để trống"),
      youtube: blankable(
        z
        .string({ error: "phải là mã video, ví dụ `youtube: dQw4w9WgXcQ`" })
        .trim()
        // Editors may paste a whole YouTube address; keep only the 11-character id.
        .transform((raw, ctx) => {
          const id = youtubeId(raw);
          if (id) return id;
          ctx.addIssue({
            code: "custom",
            message: `"${raw}" không phải mã video YouTube — chép 11 ký tự sau "watch?v=" trong địa chỉ video (chữ, số, - hoặc _), ví dụ \`youtube: dQw4w9WgXcQ\`, hoặc dán cả địa chỉ https://www.youtube.com/watch?v=…`,
          });
          return z.NEVER;
        }),
      ),
      src: blankable(sitePath(/\.mp4$/i, "/media/video/hoi-nghi-2020.mp4")),
      poster: blankable(sitePath(/\.(jpe?g|png|webp|avif)$/i, "/media/video/hoi-nghi-2020.jpg")),
      featured: z.boolean({ error: "phải là true hoặc false (không có dấu ngoặc kép)" }).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.youtube && v.src) {
      ctx.addIssue({ code: "custom", path: ["src"], message: "một video hoặc ở YouTube (`youtube:`) hoặc là tệp trên trang này (`src:`) — bỏ một trong hai dòng" });
    }
    if (v.src && !v.poster) {
      ctx.addIssue({ code: "custom", path: ["src"], message: "tệp video cần ảnh `poster:` hiện trước khi phát, ví dụ `poster: /media/video/hoi-nghi-2020.jpg`" });
    }
    if (v.poster && !v.src) {
      ctx.addIssue({ code: "custom", path: ["poster"], message: "`poster:` chỉ dùng cho tệp video có `src:` — bỏ dòng này" });
    }
  })
  .transform((v) => {
    const base = { title: v.title, slug: slugify(v.title), featured: v.featured === true };
    if (v.youtube) return { ...base, kind: "youtube" as const, youtubeId: v.youtube };
    if (v.src && v.poster) return { ...base, kind: "file" as const, src: v.src, poster: v.poster };
    // Known video whose file or id is not available yet: listed, never a broken player.
    return { ...base, kind: "unavailable" as const };
  });

export const videosSchema = z
  .array(videoEntrySchema, { error: "phải là danh sách video, mỗi video bắt đầu bằng `- title: …`" })
  .superRefine((list, ctx) => {
    const featured = list.flatMap((v, i) => (v.featured ? [i] : []));
    for (const i of featured.slice(1)) {
      ctx.addIssue({ code: "custom", path: [i, "featured"], message: "chỉ một video được `featured: true` — bỏ dòng này ở đây hoặc ở video kia" });
    }
  });

export type Video = z.infer<typeof videoEntrySchema>;

export interface VideosData {
  videos: Video[];
  /** Shown in the sidebar: the one marked `featured: true`, else the first. */
  featured?: Video;
}

/** content/_data/videos.yaml. A missing file means no videos. */
export async function loadVideos(contentDir: string): Promise<{ data: VideosData; issues: ContentIssue[] }> {
  const result = await readDataFile(contentDir, "videos.yaml", videosSchema);
  if (result.status === "invalid") return { data: { videos: [] }, issues: result.issues };
  const videos = result.status === "ok" ? result.value : [];
  return { data: { videos, featured: videos.find((v) => v.featured) ?? videos[0] }, issues: [] };
}
