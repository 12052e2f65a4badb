/** Messages between the dev server (scripts/tools/dev/server.ts) and its renderer process (renderer.ts). */
export type ToRenderer =
  | { type: "changed"; paths: string[] }
  /** Code under layouts/, routes/ or widgets/ changed that the renderer can import again. */
  | { type: "templates"; paths: string[] }
  | { type: "request"; id: number; path: string };

export type FromRenderer =
  | { type: "ready" }
  /** The site changed (or its error state did): pages open in a browser should reload. */
  | { type: "reload" }
  | { type: "response"; id: number; status: number; contentType?: string; body?: string };
