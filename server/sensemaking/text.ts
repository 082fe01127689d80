import { ENGLISH_TO_DANISH } from './glossary';
import { STOPWORDS, detectLanguage, stem, type TextLanguage } from './language';

/**
 * Turning an idea's text into the features the similarity engine compares. Two kinds:
 * - words: Snowball stems of the words that carry meaning (stopwords dropped), so
 *   "legepladser" and "legeplads" are one feature;
 * - character n-grams of each word, so compounds meet their parts ("cykelsti",
 *   "cykelstierne", "sti til cykler") and typos still share most of a word.
 */

/** A feature's key: `w:` + a stem, or `g:` + a character n-gram. */
export type FeatureKey = string;

export interface TextFeatures {
  language: TextLanguage;
  /** Feature → raw count in the text. */
  counts: Map<FeatureKey, number>;
  /** Stem → the surface words it came from (for readable theme labels). */
  surfaces: Map<string, string>;
}

/**
 * Lower case, one form of Danish letters, no punctuation. Old and keyboard-less spellings
 * are folded into æ, ø, å ("aa" → "å", "ae" → "æ", "oe" → "ø") for Danish text, so
 * "Ishoej" and "Ishøj", "paa" and "på" meet. English text keeps its letters, since "ae" and
 * "oe" are ordinary there.
 */
export function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .toLocaleLowerCase('da')
    .replace(/[\u2019'`´]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function foldDanish(word: string): string {
  return word.replace(/aa/g, 'å').replace(/ae/g, 'æ').replace(/oe/g, 'ø');
}

export function words(text: string): string[] {
  const plain = normalise(text);
  return plain === '' ? [] : plain.split(' ');
}

const MIN_WORD = 2;
const GRAM_SIZES = [3, 4] as const;

/**
 * A word's n-grams, with `#` marking its ends so that a word's start and end weigh as
 * themselves ("#sti" ends "cykelsti" as it starts "sti").
 */
function addGrams(word: string, counts: Map<FeatureKey, number>): void {
  if (word.length < 3) return;
  const marked = `#${word}#`;
  for (const size of GRAM_SIZES) {
    for (let at = 0; at + size <= marked.length; at += 1) {
      const key = `g:${marked.slice(at, at + size)}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
}

/**
 * Which steps of the pipeline run: all of them in Samskab; bench/sensemaking.ts switches
 * them on one by one to show what each one gains on the evaluation set.
 */
export interface FeatureSteps {
  stopwords: boolean;
  fold: boolean;
  stem: boolean;
  grams: boolean;
  glossary: boolean;
}

export const ALL_STEPS: FeatureSteps = { stopwords: true, fold: true, stem: true, grams: true, glossary: true };

export function textFeatures(text: string, fallback: TextLanguage, steps: FeatureSteps = ALL_STEPS): TextFeatures {
  const raw = words(text);
  const language = detectLanguage(raw, fallback);
  const stopwords = steps.stopwords ? STOPWORDS[language] : new Set<string>();
  const counts = new Map<FeatureKey, number>();
  const surfaces = new Map<string, string>();
  for (const original of raw) {
    if (original.length < MIN_WORD || stopwords.has(original) || /^\p{N}+$/u.test(original)) continue;
    const word = language === 'da' && steps.fold ? foldDanish(original) : original;
    if (stopwords.has(word)) continue;
    const stemmed = steps.stem ? stem(word, language) : word;
    const key = `w:${stemmed}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    const seen = surfaces.get(stemmed);
    // The shortest surface form reads best as a label ("cykelsti" rather than "cykelstierne").
    if (seen === undefined || word.length < seen.length) surfaces.set(stemmed, word);
    if (steps.grams) addGrams(stemmed, counts);
    // English ideas also carry their Danish words, so the two languages meet on one board.
    const danish = language === 'en' && steps.glossary ? ENGLISH_TO_DANISH.get(original) : undefined;
    if (danish !== undefined && !STOPWORDS.da.has(danish)) {
      const bridged = stem(danish, 'da');
      if (bridged !== stemmed) {
        counts.set(`w:${bridged}`, (counts.get(`w:${bridged}`) ?? 0) + 1);
        if (!surfaces.has(bridged)) surfaces.set(bridged, danish);
        if (steps.grams) addGrams(bridged, counts);
      }
    }
  }
  return { language, counts, surfaces };
}
