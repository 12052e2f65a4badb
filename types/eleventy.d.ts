// Eleventy 3.1 ships no type declarations; this covers the programmatic API we use.
declare module "@11ty/eleventy" {
  export default class Eleventy {
    constructor(input?: string, output?: string, options?: { configPath?: string; quietMode?: boolean; runMode?: string });
    write(): Promise<unknown>;
  }
}
