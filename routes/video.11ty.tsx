import { Base } from "../layouts/base.tsx";
import { renderDocument } from "../scripts/render/document.ts";
import { loadVideos } from "../widgets/video/data.ts";
import { VideoListPage } from "../widgets/video/VideoListPage.tsx";
import type { RouteData } from "./route.ts";

export const data = { permalink: "/video/", eleventyExcludeFromCollections: true };

// videos.yaml was validated with the sidebar; its issues were reported there.
export async function render({ build }: RouteData) {
  const { data: videos } = await loadVideos(build.model.contentDir);
  return renderDocument(
    <Base build={build} title="Video" url="/video/">
      <VideoListPage data={videos} />
    </Base>,
  );
}
