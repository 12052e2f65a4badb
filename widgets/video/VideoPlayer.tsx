import type { Video } from "./data.ts";

/** What the player needs; a video of an article (scripts/build/render/video-block.ts) has no slug. */
export type PlayableVideo = Video extends infer V ? (V extends Video ? Omit<V, "slug" | "featured"> : never) : never;

/**
 * One video, the only markup for it: the sidebar, /video/ and videos in articles
 * (scripts/build/render/video-block.ts) all use it, and assets/video.ts serves them: a YouTube
 * video is a plain link until it is clicked, so nothing is fetched from a third
 * party before the reader asks for it — not even a thumbnail. A file of this
 * site uses <video preload="none">, which loads only its own poster.
 */
export function VideoPlayer({ video, headingLevel }: { video: PlayableVideo; headingLevel?: 2 }) {
  const title = headingLevel ? <h2 class="video-title">{video.title}</h2> : video.title;
  if (video.kind === "youtube") {
    const src = `https://www.youtube-nocookie.com/embed/${video.youtubeId}?autoplay=1`;
    return (
      <figure class="video" data-video-src={src} data-video-title={video.title}>
        <a class="video-play" href={src} rel="noopener">
          <span class="video-play-icon" aria-hidden="true">
            ▶
          </span>
          <span class="video-play-text">Xem video: {video.title}</span>
        </a>
        <figcaption>{title}</figcaption>
      </figure>
    );
  }
  if (video.kind === "file") {
    return (
      <figure class="video video-file">
        <video controls preload="none" poster={video.poster} aria-label={video.title}>
          <source src={video.src} type="video/mp4" />
          <a href={video.src}>Tải video: {video.title}</a>
        </video>
        <figcaption>{title}</figcaption>
      </figure>
    );
  }
  return (
    <figure class="video video-missing">
      <p class="video-note">Video đang được cập nhật.</p>
      <figcaption>{title}</figcaption>
    </figure>
  );
}
