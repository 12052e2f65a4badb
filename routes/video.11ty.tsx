import { Base } from "../layouts/base.tsx";
import { renderDocument } from "../scripts/build/render/document.ts";
import { loadVideos } from "../widgets/video/data.ts";
import { VideoListPage } from "../widgets/video/VideoListPage.tsx";
import type { RouteData } from "./route.ts";
import { FIXED_PAGES } from "../scripts/build/urls.ts";

export const data = { permalink: FIXED_PAGES.videos, eleventyExcludeFromCollections: true };

// videos.yaml was validated with the sidebar; its issues were reported there.
export async function render({ build }: RouteData) {
  const { data: videos } = await loadVideos(build.model.contentDir);
  return renderDocument(
    <Base build={build} title="Video" url={FIXED_PAGES.videos}>
      <VideoListPage data={videos} />
    </Base>,
  );
}
