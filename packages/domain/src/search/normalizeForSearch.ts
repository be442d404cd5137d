/**
 * Text folded for search, with a way back to the original: lower case, accents dropped (é → e,
 * ü → u), but æ, ø and å kept as the letters they are in Norwegian («bør» never matches «bor»).
 */
export interface FoldedText {
  folded: string;
  /** For each index of `folded` (and one past its end), the index in the original text. */
  origin: number[];
}

const COMBINING_MARK = /\p{M}/gu;

function foldChar(char: string): string {
  const lower = char.toLocaleLowerCase('nb');
  // å is a+ring in NFD: kept whole, it is its own letter.
  if (lower === 'å') return lower;
  return lower.normalize('NFD').replace(COMBINING_MARK, '');
}

export function foldForSearch(text: string): FoldedText {
  let folded = '';
  const origin: number[] = [];
  let index = 0;
  for (const char of text) {
    const part = foldChar(char);
    for (let i = 0; i < part.length; i += 1) origin.push(index);
    folded += part;
    index += char.length;
  }
  origin.push(index);
  return { folded, origin };
}

/** Every match of the (already folded) needle in the text, as [start, end) in the original text. */
export function findFolded(text: FoldedText, needle: string, limit: number): { start: number; end: number }[] {
  const matches: { start: number; end: number }[] = [];
  if (needle.length === 0) return matches;
  for (let at = text.folded.indexOf(needle); at !== -1 && matches.length < limit;) {
    const start = text.origin[at] ?? 0;
    // Up to where the next folded character begins: trailing combining marks stay in the match.
    const end = text.origin[at + needle.length] ?? start;
    matches.push({ start, end });
    at = text.folded.indexOf(needle, at + needle.length);
  }
  return matches;
}
