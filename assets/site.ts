// The site's only script (scripts/build/assets.ts adds each widget's client after it). Reading never needs it:
// it adds click-to-load video and the widgets' live parts.
import { initVideos } from "./video.ts";

initVideos(document);
