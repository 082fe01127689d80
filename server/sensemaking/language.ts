import { createRequire } from 'node:module';
import { newStemmer, type Stemmer } from 'snowball-stemmers';

/**
 * The languages the similarity engine understands: Samskab's interface languages. A board's
 * language is a prior; each text is also checked on its own, because a Danish board gets
 * English ideas too (and the other way round).
 */
export type TextLanguage = 'da' | 'en';

const require = createRequire(import.meta.url);
// stopwords-iso is one JSON file of every language; only Danish and English are kept.
const allStopwords = require('stopwords-iso/stopwords-iso.json') as Record<string, string[]>;

/**
 * stopwords-iso's English list (over 1,200 words) holds content words a citizen uses to say
 * what they mean ("home", "school", "world", "young"…). Only the function words of the list
 * are dropped here; a word on this keep-list stays a feature.
 */
const ENGLISH_CONTENT_WORDS = new Set([
  'home', 'homes', 'school', 'schools', 'world', 'young', 'youth', 'old', 'older', 'new', 'place',
  'places', 'work', 'works', 'working', 'area', 'areas', 'children', 'child', 'city', 'house', 'houses',
  'help', 'helps', 'group', 'groups', 'problem', 'problems', 'room', 'rooms', 'side', 'sides',
  'part', 'parts', 'point', 'points', 'case', 'cases', 'face', 'faces', 'fact', 'facts', 'member',
  'members', 'order', 'orders', 'state', 'states', 'turn', 'turns', 'interest', 'interests',
  'need', 'needs', 'show', 'shows', 'open', 'opens', 'opened', 'opening', 'green', 'high', 'light',
  'long', 'great', 'large', 'small', 'big', 'best', 'better', 'good', 'parts', 'present', 'line',
  'lines', 'year', 'years', 'today', 'number', 'numbers', 'life', 'man', 'men', 'woman', 'women',
  'people', 'person', 'thing', 'things', 'way', 'ways', 'end', 'ends', 'early', 'late', 'later',
  'full', 'free', 'right', 'left', 'information',
]);

export const STOPWORDS: Record<TextLanguage, ReadonlySet<string>> = {
  da: new Set(allStopwords.da ?? []),
  en: new Set((allStopwords.en ?? []).filter((word) => !ENGLISH_CONTENT_WORDS.has(word))),
};

const stemmers: Record<TextLanguage, Stemmer> = {
  da: newStemmer('danish'),
  en: newStemmer('english'),
};

/**
 * Danish Snowball leaves some plurals one step short ("legepladser" → "legeplads", while
 * "legeplads" → "legeplad"); stemming the stem again joins them and leaves other words as
 * they were.
 */
export function stem(word: string, language: TextLanguage): string {
  const memo = stems[language];
  const known = memo.get(word);
  if (known !== undefined) return known;
  const once = stemmers[language].stem(word);
  const stemmed = language === 'da' ? stemmers.da.stem(once) : once;
  // A board's words repeat (its ideas share a vocabulary far smaller than their word
  // count), and Snowball was half the time of indexing a loaded board: remembered per
  // process. Bounded by starting over, so odd input cannot grow it without end.
  if (memo.size >= STEM_MEMO_SIZE) memo.clear();
  memo.set(word, stemmed);
  return stemmed;
}

const STEM_MEMO_SIZE = 50_000;
const stems: Record<TextLanguage, Map<string, string>> = { da: new Map(), en: new Map() };

export function detectLanguage(words: readonly string[], fallback: TextLanguage): TextLanguage {
  let da = 0;
  let en = 0;
  for (const word of words) {
    const inDanish = STOPWORDS.da.has(word);
    const inEnglish = STOPWORDS.en.has(word);
    if (inDanish && !inEnglish) da += 1;
    if (inEnglish && !inDanish) en += 1;
    if (/[æøå]/.test(word)) da += 2;
  }
  if (da === en) return fallback;
  return da > en ? 'da' : 'en';
}
