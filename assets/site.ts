// The site's only script. Reading never needs it: it adds click-to-load video and the widgets' live parts.
import "../widgets/client.ts";
import { initVideos } from "./video.ts";

initVideos(document);
