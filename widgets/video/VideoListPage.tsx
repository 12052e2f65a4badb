import type { VideosData } from "./data.ts";
import { VideoPlayer } from "./VideoPlayer.tsx";

/** The body of /video/ (the lead's layout supplies <html>, header and sidebar). */
export function VideoListPage({ data }: { data: VideosData }) {
  return (
    <section class="video-page" aria-labelledby="video-page-title">
      <h1 id="video-page-title">Video</h1>
      {data.videos.length === 0 ? (
        <p>Chưa có video.</p>
      ) : (
        <ul class="video-list">
          {data.videos.map((video) => (
            <li id={video.slug}>
              <VideoPlayer video={video} headingLevel={2} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
