// @11ty/eleventy-dev-server (Eleventy's dev server) ships no types; this covers what the admin test uses.
declare module "@11ty/eleventy-dev-server" {
  export default class EleventyDevServer {
    static getServer(name: string, dir: string, options?: { logger?: Record<string, (...args: unknown[]) => void> }): EleventyDevServer;
    serve(port: number): void;
    ready(): Promise<void>;
    reload(event?: { subtype?: string; files?: string[] }): void;
    close(): Promise<void>;
  }
}
