// The plugin ships no types; these are the utility functions we call.
declare module "@11ty/eleventy-plugin-rss" {
  export function absoluteUrl(url: string, base: string): string;
  export function convertHtmlToAbsoluteUrls(html: string, base: string, processOptions?: object): Promise<string>;
}
