import { DEFAULT_CLUSTERING, clusterIdeas, type ClusterOptions } from './clustering';
import type { TextLanguage } from './language';
import { SimilarityIndex } from './similarity-index';
import { textFeatures, type TextFeatures } from './text';

/**
 * Theme suggestions for a set of ideas: groups from clustering.ts, each with a short label
 * made of its most distinctive words (as people wrote them, never stems) and two or three of
 * its ideas quoted verbatim — the ones closest to the theme's centre.
 */

export interface ThemeInput {
  id: string;
  text: string;
}

export interface Theme {
  label: string;
  ideaIds: string[];
  quotes: { ideaId: string; text: string }[];
}

export type ThemesResult = { themes: Theme[]; reason: null } | { themes: []; reason: 'TOO_FEW_IDEAS' };

/** Fewer visible ideas than this give no themes (an empty list with a reason). */
export const MIN_IDEAS_FOR_THEMES = 5;
const LABEL_TERMS = 2;
const QUOTES = 3;
/** A label word must be in at least this share of the theme's ideas. */
const LABEL_SUPPORT = 0.3;

export function suggestThemes(
  ideas: readonly ThemeInput[],
  language: TextLanguage,
  options: ClusterOptions = DEFAULT_CLUSTERING,
): ThemesResult {
  if (ideas.length < MIN_IDEAS_FOR_THEMES) return { themes: [], reason: 'TOO_FEW_IDEAS' };
  const index = new SimilarityIndex(language);
  const texts = new Map<string, string>();
  for (const idea of ideas) {
    index.upsert(idea.id, idea.text);
    texts.set(idea.id, idea.text);
  }
  const groups = clusterIdeas(
    index,
    ideas.map((idea) => idea.id),
    options,
  );
  const features = new Map<string, TextFeatures>();
  const featuresOf = (id: string): TextFeatures => {
    let found = features.get(id);
    if (!found) features.set(id, (found = textFeatures(texts.get(id) ?? '', language)));
    return found;
  };
  const themes = groups.map((ids) => ({
    label: labelOf(index, ids, language, featuresOf),
    ideaIds: ids,
    quotes: representatives(index, ids).map((ideaId) => ({ ideaId, text: texts.get(ideaId) ?? '' })),
  }));
  return { themes, reason: null };
}

function labelOf(
  index: SimilarityIndex,
  ids: readonly string[],
  language: TextLanguage,
  featuresOf: (id: string) => TextFeatures,
): string {
  // stem → [ideas containing it, a surface form, whether that form is in the board's language]
  const terms = new Map<string, { support: number; surface: string; native: boolean }>();
  for (const id of ids) {
    const features = featuresOf(id);
    for (const key of features.counts.keys()) {
      if (!key.startsWith('w:')) continue;
      const stemmed = key.slice(2);
      const surface = features.surfaces.get(stemmed) ?? stemmed;
      const native = features.language === language;
      const seen = terms.get(stemmed);
      if (!seen) terms.set(stemmed, { support: 1, surface, native });
      else {
        seen.support += 1;
        if ((native && !seen.native) || (native === seen.native && surface.length < seen.surface.length)) {
          seen.surface = surface;
          seen.native = native;
        }
      }
    }
  }
  const ranked = [...terms.entries()]
    .filter(([, term]) => term.support / ids.length >= LABEL_SUPPORT || ids.length <= 2)
    .map(([stemmed, term]) => ({ ...term, weight: term.support * index.idf(`w:${stemmed}`) * (term.native ? 1 : 0.5) }))
    .sort((a, b) => b.weight - a.weight || a.surface.localeCompare(b.surface, 'da'));
  const words: string[] = [];
  for (const term of ranked) {
    if (words.includes(term.surface)) continue;
    words.push(term.surface);
    if (words.length === LABEL_TERMS) break;
  }
  return words.join(' · ');
}

/** The ideas nearest the theme's centre (the mean of its unit vectors). */
function representatives(index: SimilarityIndex, ids: readonly string[]): string[] {
  const centre = new Map<number, number>();
  const vectors = new Map<string, Map<number, number>>();
  for (const id of ids) {
    const vector = index.unitVector(id);
    if (!vector) continue;
    vectors.set(id, vector);
    for (const [key, weight] of vector) centre.set(key, (centre.get(key) ?? 0) + weight);
  }
  const scored = [...vectors.entries()].map(([id, vector]) => {
    let dot = 0;
    for (const [key, weight] of vector) dot += weight * (centre.get(key) ?? 0);
    return { id, dot };
  });
  scored.sort((a, b) => b.dot - a.dot || (a.id < b.id ? -1 : 1));
  return scored.slice(0, QUOTES).map((entry) => entry.id);
}
