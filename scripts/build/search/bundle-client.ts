import { fileURLToPath } from "node:url";
import { bundleScript } from "../bundle.ts";
import { pagefindWebScript } from "./pagefind-web.ts";

/** The search page's client with Pagefind's browser API, bundled and minified (the site fingerprints and writes it). */
export async function bundleSearchClient(): Promise<string> {
  const pagefind = await pagefindWebScript();
  return bundleScript(fileURLToPath(new URL("./client.ts", import.meta.url)), {
    plugins: [{ name: "pagefind-web", setup: (build) => build.onResolve({ filter: /^pagefind-web$/ }, () => ({ path: pagefind })) }],
  });
}
