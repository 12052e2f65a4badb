import { writeFile } from "node:fs/promises";
import path from "node:path";
import type { SearchDocument } from "./index-html.ts";
import { buildVocabulary, VOCABULARY_FILE } from "./vocabulary.ts";

const plainText = (html: string) => html.replace(/<[^>]*>/g, " ").replace(/&[a-z]+;|&#\d+;/g, " ");

/** The index's vocabulary (vocabulary.ts) as the JSON of `vietnamese-words.json`. */
export function vocabularyJson(docs: SearchDocument[]): string {
  const texts = docs.map((doc) =>
    [doc.title, doc.summary ?? "", plainText(doc.html), ...(doc.attachments ?? []).map((a) => `${a.name} ${a.text ?? ""}`)].join(" "),
  );
  return JSON.stringify(buildVocabulary(texts));
}

/** The index's vocabulary as `<pagefindDir>/vietnamese-words.json`. */
export async function writeVocabulary(docs: SearchDocument[], pagefindDir: string, json = vocabularyJson(docs)): Promise<void> {
  await writeFile(path.join(pagefindDir, VOCABULARY_FILE), json);
}
