import { renderToString } from "preact-render-to-string";
import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../../scripts/build/render/markdown.ts";
import { contentDir } from "../../test/widgets/helpers.ts";
import { loadVideos } from "./data.ts";
import { VideoListPage } from "./VideoListPage.tsx";
import { VideoPlayer } from "./VideoPlayer.tsx";

const load = async (yaml: string) => loadVideos(await contentDir({ "videos.yaml": yaml }));

describe("videos.yaml", () => {
  it("reads YouTube ids (also from a pasted address), files with posters and not-yet-available videos", async () => {
    const { data, issues } = await load(
      [
        "- title: Không có video",
        "- title: Hội nghị",
        "  youtube: https://www.youtube.com/watch?v=AbCdEfGhI_-&t=5",
        "  featured: true",
        "- title: Tập huấn",
        "  src: /media/video/tap-huan.mp4",
        "  poster: /media/video/tap-huan.jpg",
        "- title: Ngắn",
        "  youtube: https://youtu.be/ZyXwVuTsR12",
        "- title: Trống",
        "  youtube:",
      ].join("\n"),
    );
    expect(issues).toEqual([]);
    expect(data.videos.map((v) => v.kind)).toEqual(["unavailable", "youtube", "file", "youtube", "unavailable"]);
    expect(data.featured?.title).toBe("Hội nghị");
    expect(data.videos[1]).toMatchObject({ youtubeId: "AbCdEfGhI_-", slug: "hoi-nghi" });
    expect(data.videos[3]).toMatchObject({ youtubeId: "ZyXwVuTsR12" });
  });

  it("features the first video when none is marked", async () => {
    const { data } = await load("- title: Một\n- title: Hai\n  youtube: AbCdEfGhI_-\n");
    expect(data.featured?.title).toBe("Một");
  });

  it.each([
    ["- title: A\n  youtube: abc\n", 2, "0.youtube", "không phải mã video YouTube"],
    ["- title: A\n  src: /media/a.mp4\n", 2, "0.src", "cần ảnh `poster:`"],
    ["- title: A\n  youtube: AbCdEfGhI_-\n  src: /media/a.mp4\n  poster: /media/a.jpg\n", 3, "0.src", "bỏ một trong hai dòng"],
    ["- title: A\n  src: media/a.mp4\n  poster: /media/a.jpg\n", 2, "0.src", "bắt đầu bằng một dấu /"],
    ["- title: A\n  src: //evil.example/a.mp4\n  poster: /media/a.jpg\n", 2, "0.src", "không phải // hay /\\"],
    ["- title: A\n  src: /media/a.avi\n  poster: /media/a.jpg\n", 2, "0.src", "phải là tệp .mp4"],
    ["- title: A\n- title: B\n  featured: true\n- title: C\n  featured: true\n", 5, "2.featured", "chỉ một video được"],
    ["- title: A\n  url: https://example.org\n", 2, "0", "trường lạ: url — xóa hoặc sửa tên cho đúng; các trường hợp lệ: title, youtube, src, poster, featured"],
    ["- youtube: AbCdEfGhI_-\n", 1, "0.title", "còn thiếu"],
    ["title: A\n", 1, "(file)", "phải là danh sách video"],
  ])("reports %j at line %i", async (yaml, line, field, message) => {
    const { issues } = await load(yaml);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ line, field, severity: "error" });
    expect(issues[0]!.file).toMatch(/_data\/videos\.yaml$/);
    expect(issues[0]!.message).toContain(message);
  });

  it("reports a YAML syntax error with its line", async () => {
    const { issues } = await load("- title: A\n  youtube: [abc\n");
    expect(issues[0]).toMatchObject({ field: "yaml", severity: "error" });
  });

  it("ships the 2019 video without an invented id", async () => {
    const { data, issues } = await loadVideos("content");
    expect(issues).toEqual([]);
    const video = data.videos.find((v) => v.title.startsWith("Video 05 Sự kiện và 05 hoạt động nổi bật"));
    expect(video?.kind).toBe("unavailable");
  });
});

describe("the player", () => {
  it("is the very markup of a video in an article", () => {
    const inArticle = (md: string) => renderMarkdown(md, { bodyLine: 1, resolveUrl: (t) => t }).html.trim();
    const player = (video: Parameters<typeof VideoPlayer>[0]["video"]) => renderToString(<VideoPlayer video={video} />);
    expect(inArticle("::: video https://youtu.be/AbCdEfGhI_-\nHội nghị <2020> & \"tổng kết\"\n:::")).toBe(
      player({ kind: "youtube", youtubeId: "AbCdEfGhI_-", title: 'Hội nghị <2020> & "tổng kết"' }),
    );
    expect(inArticle("::: video\nChưa có\n:::")).toBe(player({ kind: "unavailable", title: "Chưa có" }));
  });

  it("makes no third-party request before a click: a plain link, no frame, no thumbnail", () => {
    const html = renderToString(<VideoPlayer video={{ kind: "youtube", youtubeId: "AbCdEfGhI_-", title: "Hội nghị <2020>" }} />);
    expect(html).not.toMatch(/<iframe|<img|<script|<video|ytimg|style=/);
    // The contract of assets/video.ts, shared with videos in articles.
    const src = "https://www.youtube-nocookie.com/embed/AbCdEfGhI_-?autoplay=1";
    expect(html).toContain(`<figure class="video" data-video-src="${src}" data-video-title="Hội nghị &lt;2020>">`);
    expect(html).toContain(`<a class="video-play" href="${src}" rel="noopener">`);
    expect(html).toContain('<span class="video-play-text">Xem video: Hội nghị &lt;2020></span>');
    expect(html).toContain('<span class="video-play-icon" aria-hidden="true">▶</span>');
  });

  it("plays a file of this site with preload=none and its poster", () => {
    const html = renderToString(<VideoPlayer video={{ kind: "file", src: "/media/a.mp4", poster: "/media/a.jpg", title: "Tập huấn" }} />);
    expect(html).toMatch(/<video controls preload="none" poster="\/media\/a.jpg" aria-label="Tập huấn">/);
    expect(html).toMatch(/<source src="\/media\/a.mp4" type="video\/mp4"\/?>/);
  });

  it("shows the title and a note, no player, when the video is not available yet", () => {
    const html = renderToString(<VideoPlayer video={{ kind: "unavailable", title: "Video 05 Sự kiện" }} />);
    expect(html).toBe('<figure class="video video-missing"><p class="video-note">Video đang được cập nhật.</p><figcaption>Video 05 Sự kiện</figcaption></figure>');
  });

  it("lists every video on /video/ with an anchor and a heading each", async () => {
    const { data } = await load("- title: Một\n- title: Hai đây\n  youtube: AbCdEfGhI_-\n");
    const html = renderToString(<VideoListPage data={data} />);
    expect(html).toContain('<h1 id="video-page-title">Video</h1>');
    expect(html).toContain('<li id="mot">');
    expect(html).toContain('<li id="hai-day">');
    expect(html.match(/<h2 class="video-title">/g)).toHaveLength(2);
  });
});
