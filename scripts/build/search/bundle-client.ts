import { fileURLToPath } from "node:url";
import { bundleScript } from "../bundle.ts";

/** The search page's client, bundled and minified (the site fingerprints and writes it). */
export const bundleSearchClient = (): Promise<string> => bundleScript(fileURLToPath(new URL("./client.ts", import.meta.url)));
