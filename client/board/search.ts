import type { Comment, Idea } from '../../shared';

/**
 * Full-text search over a board's ideas, made for Danish.
 *
 * Both the text and the query are folded the same way (foldText):
 * - Unicode: a decomposed å (a + combining ring, as some Mac keyboards and pasted PDFs
 *   give) is the same letter as a composed one; the result is NFC.
 * - Case, with the Danish locale (Æ/Ø/Å → æ/ø/å).
 * - Accents that are optional in Danish spelling are dropped, so "ide" finds "idé",
 *   "cafe" finds "café" and "alle" finds "allé". The ring of å is kept: å is its own
 *   letter. Æ and ø have no decomposition, so they are never folded into a, o or e:
 *   "bon" must not find "bøn", nor "for" "før".
 *
 * Then the query alone is widened (compileQuery), letter pairs that stand for a Danish
 * letter:
 * - "aa" and "å" find each other in both directions: "aa" is the old spelling of å, still
 *   in names ("Aarhus"/"Århus", "gaard"/"gård", "Kaare"/"Kåre"), so the text may hold
 *   either form and so may the query.
 * - "ae" also finds æ and "oe" also finds ø, as someone on an English keyboard types them
 *   ("oesterbro" finds "Østerbro", "aeroe" finds "Ærø"). One way only: a typed æ or ø
 *   does not find "ae"/"oe" in the text, since those are ordinary letter pairs in
 *   Danish and in names ("poesi", "Michael", "Israel"); someone who can type ø means ø.
 * "aa" is the one pair that can meet by accident at a compound's seam ("kontraargument"
 * is found by "kontraårgument"); nobody types that, and a query only ever finds more, so
 * the price is an occasional extra hit, never a missed one.
 *
 * Several words must all be found (AND), each anywhere in the idea's text, its author's
 * name, its organisation, or its published comments (their text and author names).
 */

/** a + combining ring above (kept: å), or any other combining mark (dropped). */
const MARKS = /([aA]\u030A)|\p{M}/gu;

export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(MARKS, (_mark: string, ring: string | undefined) => ring ?? '')
    .normalize('NFC')
    .toLocaleLowerCase('da');
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Query letter pairs (after folding) and what each also finds in the text. */
const WIDEN: ReadonlyArray<[string, string]> = [
  ['aa', '(?:aa|å)'],
  ['ae', '(?:ae|æ)'],
  ['oe', '(?:oe|ø)'],
];

/** One folded query word as a pattern, reading left to right ("aae" is "aa" + "e"). */
function wordPattern(word: string): string {
  let out = '';
  let i = 0;
  while (i < word.length) {
    const pair = word.slice(i, i + 2);
    const widened = WIDEN.find(([from]) => from === pair);
    if (widened) {
      out += widened[1];
      i += 2;
    } else if (word[i] === 'å') {
      out += '(?:å|aa)';
      i += 1;
    } else {
      // Whole code points: an emoji or a letter outside the BMP stays one unit.
      const ch = String.fromCodePoint(word.codePointAt(i)!);
      out += escapeRegExp(ch);
      i += ch.length;
    }
  }
  return out;
}

/** The folded words of a query; empty when it has none (no search). */
export function queryWords(query: string): string[] {
  const words = foldText(query).split(/\s+/u).filter((w) => w.length > 0);
  // The same word twice adds nothing to an AND search.
  return [...new Set(words)];
}

/** A compiled query: whether every word is in one of the folded texts (an idea's, its comments'). */
export type TextMatcher = (folded: readonly string[]) => boolean;

export function compileQuery(query: string): TextMatcher | null {
  const words = queryWords(query);
  if (words.length === 0) return null;
  const tests = words.map((word): ((text: string) => boolean) => {
    const pattern = wordPattern(word);
    // A word with nothing to widen needs no regular expression.
    if (pattern === escapeRegExp(word)) return (text) => text.includes(word);
    const re = new RegExp(pattern, 'u');
    return (text) => re.test(text);
  });
  return (folded) => tests.every((test) => folded.some(test));
}

/**
 * The folded text an idea is searched in, worked out once per idea object. The store
 * replaces an idea's object when (and only when) it changes, so a keystroke in the search
 * field on a board of 10,000 ideas folds nothing: it only runs the compiled query.
 */
const folded = new WeakMap<Idea, string>();

export function searchableText(idea: Idea): string {
  let text = folded.get(idea);
  if (text === undefined) {
    // A line break between fields: no query word (they never hold whitespace) spans two.
    text = foldText([idea.text, idea.authorName ?? '', idea.organisation ?? ''].join('\n'));
    folded.set(idea, text);
  }
  return text;
}

/**
 * The folded text of an idea's published comments, worked out once per list: the store
 * replaces an idea's comment list when a comment comes or goes, and keeps it otherwise.
 */
const foldedComments = new WeakMap<readonly Comment[], string>();

export function searchableComments(comments: readonly Comment[]): string {
  let text = foldedComments.get(comments);
  if (text === undefined) {
    text = foldText(comments.map((c) => `${c.text}\n${c.authorName ?? ''}`).join('\n'));
    foldedComments.set(comments, text);
  }
  return text;
}

/** The texts a query runs over for one idea. */
export function searchableTexts(idea: Idea, comments: readonly Comment[] | undefined): string[] {
  return comments && comments.length > 0 ? [searchableText(idea), searchableComments(comments)] : [searchableText(idea)];
}

/** Convenience for one idea (tests, single checks); filters compile the query once instead. */
export function matchesQuery(idea: Idea, query: string, comments?: readonly Comment[]): boolean {
  const matcher = compileQuery(query);
  return matcher === null || matcher(searchableTexts(idea, comments));
}
