import type { ContentIssue } from "../content/issues.ts";
import { isVisibleText } from "../content/schema.ts";
import { DEFAULT_CACHE_DIR } from "./config.ts";
import { inspectSource } from "./inspect.ts";
import { mapLimit } from "../map-limit.ts";
import { resolveMediaSrc } from "./source.ts";

/** An image that content refers to, with where the reference stands. */
export interface ImageRef {
  file: string;
  line: number;
  /** Front-matter field (`image`) or the body's label, as shown in messages. */
  field: string;
  /** Site URL, e.g. /media/2020/x.jpg; anything outside /media/ is not checked. */
  src: string;
  /** Give it to have empty alt text reported; leave it out where another check owns alt. */
  alt?: string;
  /** A cover image, which also gets the Open Graph crop. */
  cover?: boolean;
}

/**
 * Checks every referenced image (exists, within limits, a readable and intact
 * image, alt text present) without writing any output. Cheap on warm builds:
 * sources that passed before are recognised by hash.
 */
export async function checkImages(
  refs: ImageRef[],
  contentDir: string,
  options: { cacheDir?: string } = {},
): Promise<ContentIssue[]> {
  const cacheDir = options.cacheDir ?? DEFAULT_CACHE_DIR;
  const issues = await mapLimit(refs, async (ref): Promise<ContentIssue[]> => {
    const found: ContentIssue[] = [];
    const issue = (message: string) => found.push({ file: ref.file, line: ref.line, field: ref.field, message, severity: "error" });
    // Zero-width characters only read as no description at all.
    if (ref.alt !== undefined && !isVisibleText(ref.alt)) {
      issue(`ảnh ${ref.src} chưa có mô tả — viết trong [ ] điều ảnh cho thấy, cho người không xem được ảnh, ví dụ ![Quang cảnh hội nghị](…)`);
    }
    const source = resolveMediaSrc(ref.src, contentDir);
    if (source && !source.ok) issue(source.problem);
    if (source?.ok) {
      const result = await inspectSource(source.path, cacheDir);
      if (!result.ok) issue(result.problem);
    }
    return found;
  });
  return issues.flat();
}
