import type { ContentIssue } from "../content/issues.ts";
import { readDataFile } from "../content/data-files.ts";
import type { ImageRef } from "../images/check.ts";
import { videosSchema } from "../../../widgets/video/data.ts";

/**
 * The files videos.yaml plays from this site: each `src:` must be a file of content/media (published
 * as itself), else readers get a player that never plays; each `poster:` is an image like any other,
 * checked and published through the image pipeline, so it is returned for the image check.
 */
export async function checkVideoFiles(contentDir: string, files: ReadonlySet<string>): Promise<{ issues: ContentIssue[]; posters: ImageRef[] }> {
  const videos = await readDataFile(contentDir, "videos.yaml", videosSchema);
  const issues: ContentIssue[] = [];
  const posters: ImageRef[] = [];
  if (videos.status !== "ok") return { issues, posters }; // the sidebar's loader reports it
  videos.value.forEach((video, i) => {
    if (video.kind !== "file") return;
    const path = safeDecode(video.src).slice(1).normalize("NFC");
    if (!path.startsWith("media/") || !files.has(path)) {
      const message = `không có tệp video content/${path} — tải tệp .mp4 lên content/media/video/ rồi viết đúng đường dẫn, ví dụ \`src: /media/video/hoi-nghi-2020.mp4\``;
      issues.push({ file: videos.file, line: videos.lineOf([i, "src"]), field: `${i}.src`, message, severity: "error" });
    }
    posters.push({ file: videos.file, line: videos.lineOf([i, "poster"]), field: `${i}.poster`, src: video.poster });
  });
  return { issues, posters };
}

function safeDecode(src: string): string {
  try {
    return decodeURI(src);
  } catch {
    return src; // then no such file: reported as missing
  }
}
