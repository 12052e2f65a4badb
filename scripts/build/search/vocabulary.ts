import { foldVietnamese, normalizeVietnamese } from "./vietnamese.ts";

/**
 * Every word of the index, folded, with the spelling readers see and how many documents use it.
 * Written next to the index at build time; the client loads it only when a query word occurs
 * nowhere, to tell a typo it can correct from a word it can only suggest, or from nothing at all.
 */
export interface Vocabulary {
  /** Sorted by folded form: [folded, display spelling, document count]. */
  words: [string, string, number][];
}

export const VOCABULARY_FILE = "vietnamese-words.json";

const TOKEN = /[\p{L}\p{M}\p{N}]+/gu;
const MAX_WORD = 24;

/** A token's folded form and the spelling readers see, or null when it is not a word to keep. */
type WordForms = { folded: string; spelling: string } | null;

function wordForms(token: string): WordForms {
  const folded = foldVietnamese(token);
  if (folded.length < 2 || folded.length > MAX_WORD || !/\p{L}/u.test(folded)) return null;
  return { folded, spelling: normalizeVietnamese(token).toLowerCase() };
}

/** The vocabulary of some texts (one string per document). Numbers are left out: they are never corrected. */
export function buildVocabulary(documents: string[]): Vocabulary {
  const byFolded = new Map<string, { docs: number; spellings: Map<string, number> }>();
  // A site's words repeat: each distinct token is folded once (folding every token took seconds at 4,000 articles).
  const forms = new Map<string, WordForms>();
  for (const text of documents) {
    const seen = new Set<string>();
    // Tone placement is a property of a token alone, so NFC here and the rest per token is the same as per text.
    for (const token of text.normalize("NFC").match(TOKEN) ?? []) {
      let form = forms.get(token);
      if (form === undefined) forms.set(token, (form = wordForms(token)));
      if (!form) continue;
      let entry = byFolded.get(form.folded);
      if (!entry) byFolded.set(form.folded, (entry = { docs: 0, spellings: new Map() }));
      if (!seen.has(form.folded)) {
        seen.add(form.folded);
        entry.docs++;
      }
      entry.spellings.set(form.spelling, (entry.spellings.get(form.spelling) ?? 0) + 1);
    }
  }
  const words: Vocabulary["words"] = [...byFolded].map(([folded, { docs, spellings }]) => {
    const display = [...spellings].sort((a, b) => b[1] - a[1])[0]![0];
    return [folded, display, docs];
  });
  words.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return { words };
}

/** Whether some word of the vocabulary starts with `folded` (Pagefind matches prefixes). */
export function hasPrefix(vocabulary: Vocabulary, folded: string): boolean {
  const { words } = vocabulary;
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (words[mid]![0] < folded) lo = mid + 1;
    else hi = mid;
  }
  return lo < words.length && words[lo]![0].startsWith(folded);
}

/** How `typed` differs from `word` by one edit, if it does. */
export type Edit = "dropped" | "added" | "swapped" | "replaced";

function oneEdit(typed: string, word: string): Edit | null {
  const a = [...typed];
  const b = [...word];
  if (Math.abs(a.length - b.length) > 1) return null;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (i === a.length) return null;
    if (a.slice(i + 1).join("") === b.slice(i + 1).join("")) return "replaced";
    if (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2).join("") === b.slice(i + 2).join("")) return "swapped";
    return null;
  }
  // The reader dropped a letter of `word`, or added one to it.
  const [shorter, longer, edit] = a.length < b.length ? [a, b, "dropped" as const] : [b, a, "added" as const];
  return shorter.slice(i).join("") === longer.slice(i + 1).join("") ? edit : null;
}

export interface Correction {
  folded: string;
  display: string;
  edit: Edit;
  docs: number;
}

/** Likelier slips first: two letters swapped, then one dropped, then one added, then one replaced. */
const EDIT_ORDER: Edit[] = ["swapped", "dropped", "added", "replaced"];

/** Words one edit away from `folded`: likelier slips first, then the most used. */
export function closeWords(vocabulary: Vocabulary, folded: string): Correction[] {
  const found: Correction[] = [];
  for (const [word, display, docs] of vocabulary.words) {
    if (Math.abs(word.length - folded.length) > 1) continue;
    const edit = oneEdit(folded, word);
    if (edit) found.push({ folded: word, display, edit, docs });
  }
  return found.sort((a, b) => EDIT_ORDER.indexOf(a.edit) - EDIT_ORDER.indexOf(b.edit) || b.docs - a.docs);
}
