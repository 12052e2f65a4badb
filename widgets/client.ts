// The widgets' browser code, imported by assets/site.ts (videos use assets/video.ts, shared with articles).
import initCounter from "./counter/client.ts";
import initQuotes from "./quotes/client.ts";

initQuotes();
initCounter();
