import type { Video } from "./data.ts";

/**
 * One video. A YouTube video is a plain link until it is clicked (client.ts then
 * swaps in the privacy-enhanced player), so nothing is fetched from a third party
 * before the reader asks for it — not even a thumbnail. A file on this site uses
 * <video preload="none">, which loads only its own poster.
 */
export function VideoPlayer({ video, headingLevel }: { video: Video; headingLevel?: 2 }) {
  const Caption = headingLevel ? "h2" : "span";
  return (
    <figure class={`video video-${video.kind}`} data-widget="video">
      <div class="video-frame">
        {video.kind === "youtube" && (
          <a class="video-play" href={`https://www.youtube.com/watch?v=${video.youtubeId}`} data-youtube={video.youtubeId} data-title={video.title}>
            <svg class="video-play-icon" viewBox="0 0 68 48" width="68" height="48" aria-hidden="true" focusable="false">
              <path d="M66.5 7.7a8.5 8.5 0 0 0-6-6C55.2.3 34 .3 34 .3s-21.2 0-26.5 1.4a8.5 8.5 0 0 0-6 6C.1 13 .1 24 .1 24s0 11 1.4 16.3a8.5 8.5 0 0 0 6 6C12.8 47.7 34 47.7 34 47.7s21.2 0 26.5-1.4a8.5 8.5 0 0 0 6-6C67.9 35 67.9 24 67.9 24s0-11-1.4-16.3Z" />
              <path class="video-play-arrow" d="m27 34 18-10-18-10v20Z" />
            </svg>
            <span class="video-play-label">
              Phát video<span class="visually-hidden"> – {video.title}</span> (YouTube)
            </span>
          </a>
        )}
        {video.kind === "file" && (
          <video controls preload="none" poster={video.poster} aria-label={video.title}>
            <source src={video.src} type="video/mp4" />
            <a href={video.src}>Tải video: {video.title}</a>
          </video>
        )}
        {video.kind === "unavailable" && <p class="video-unavailable">Video này hiện chưa có trên trang.</p>}
      </div>
      <figcaption>
        <Caption class="video-title">{video.title}</Caption>
      </figcaption>
    </figure>
  );
}
