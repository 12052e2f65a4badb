import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { parse } from "yaml";

/**
 * Old addresses per export file, from `file,url` CSV lines or a YAML map
 * `file: url` (or a list of urls). Keys are matched by file name.
 */
export async function loadLegacyUrlMap(path: string): Promise<Map<string, string[]>> {
  const text = (await readFile(path, "utf8")).replace(/^\uFEFF/, "");
  const map = new Map<string, string[]>();
  const add = (file: string, url: string, line: number) => {
    const clean = url.trim();
    if (!clean.startsWith("/")) throw new Error(`${path}:${line}: “${clean}” phải là địa chỉ trên trang cũ, bắt đầu bằng /, ví dụ /i1644-hoi-nghi.aspx`);
    const key = basename(file.trim());
    map.set(key, [...(map.get(key) ?? []), clean]);
  };
  if (/\.csv$/i.test(path)) {
    text.split(/\r?\n/).forEach((row, i) => {
      const [file, url] = row.split(/[,;]/).map((c) => c.trim().replace(/^"|"$/g, ""));
      if (!file || /^(file|tệp|tep)$/i.test(file)) return;
      if (!url) throw new Error(`${path}:${i + 1}: mỗi dòng viết dạng tệp,địa-chỉ-cũ, ví dụ bai.txt,/i1644-hoi-nghi.aspx`);
      add(file, url, i + 1);
    });
    return map;
  }
  const data: unknown = parse(text);
  if (!data || typeof data !== "object" || Array.isArray(data)) throw new Error(`${path}: tệp phải gồm các dòng \`tên-tệp: địa-chỉ-cũ\``);
  for (const [file, urls] of Object.entries(data)) {
    for (const url of Array.isArray(urls) ? urls : [urls]) add(file, String(url), 1);
  }
  return map;
}

export function legacyUrlsFor(map: ReadonlyMap<string, string[]>, file: string): string[] {
  return map.get(basename(file)) ?? [];
}
