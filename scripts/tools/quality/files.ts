/** The site URL path a file in the output answers at: "a/index.html" → "/a/", "404.html" → "/404.html". */
export function urlPathOf(file: string): string {
  if (file === "index.html") return "/";
  if (file.endsWith("/index.html")) return `/${file.slice(0, -"index.html".length)}`;
  return `/${file}`;
}
