import { Box } from "../shared/Box.tsx";
import type { VideosData } from "./data.ts";
import { VideoPlayer } from "./VideoPlayer.tsx";
import { FIXED_PAGES } from "../../scripts/build/urls.ts";

export function VideoBox({ data }: { data: VideosData }) {
  return (
    <Box id="video" title="Video nhúng" widget="video-box">
      {data.featured ? <VideoPlayer video={data.featured} /> : <p class="widget-empty">Chưa có video.</p>}
      {data.videos.length > 0 && (
        <p class="widget-more">
          <a href={FIXED_PAGES.videos}>Xem tất cả video</a>
        </p>
      )}
    </Box>
  );
}
