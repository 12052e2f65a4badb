import type { WidgetDefinition } from "../widget.ts";
import { loadVideos, type VideosData } from "./data.ts";
import { VideoBox } from "./VideoBox.tsx";

export const video: WidgetDefinition<"video", VideosData> = {
  name: "video",
  dataFile: "videos.yaml",
  // videos.yaml also feeds the /video/ page.
  checkWhenHidden: true,
  load: async ({ contentDir }) => {
    const { data, issues } = await loadVideos(contentDir);
    return { data: data.videos.length > 0 ? data : undefined, issues };
  },
  Component: VideoBox,
};
