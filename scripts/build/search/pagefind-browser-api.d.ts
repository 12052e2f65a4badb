/** Pagefind's browser API, bundled into the search client from the file pagefind-web.ts makes (typed by ranking.ts's PagefindApi). */
declare module "pagefind-web" {
  export function createInstance(options: Record<string, unknown>): unknown;
}
