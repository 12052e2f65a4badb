import { fileURLToPath } from "node:url";
import { bundleScript } from "../bundle.ts";
import { pagefindWebScript } from "./pagefind-web.ts";

/**
 * The search page's client with Pagefind's browser API, bundled and minified (the site
 * fingerprints and writes it). The page loads it as a classic script, where `import.meta` is a
 * syntax error: Pagefind reads `import.meta.url` only to guess its folder when not given one,
 * and the client gives it one.
 */
export async function bundleSearchClient(): Promise<string> {
  const pagefind = await pagefindWebScript();
  const script = await bundleScript(fileURLToPath(new URL("./client.ts", import.meta.url)), {
    define: { "import.meta.url": "undefined" },
    plugins: [{ name: "pagefind-web", setup: (build) => build.onResolve({ filter: /^pagefind-web$/ }, () => ({ path: pagefind })) }],
  });
  if (script.includes("import.meta")) throw new Error("Search client: the bundle still reads import.meta (a new Pagefind version?)");
  return script;
}
