// Entry of the widgets' browser code: bundle it into one deferred script.
import initCounter from "./counter/client.ts";
import initQuotes from "./quotes/client.ts";
import initVideo from "./video/client.ts";

for (const init of [initVideo, initQuotes, initCounter]) init();
