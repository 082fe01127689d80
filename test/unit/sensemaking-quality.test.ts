import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SimilarityIndex } from '../../server/sensemaking/similarity-index';
import { suggestThemes } from '../../server/sensemaking/themes';
import { adjustedRandIndex, coverage, purity, recallAtK } from '../../server/sensemaking/quality';

/**
 * The quality floor on Samskab's own evaluation set (test/fixtures/sensemaking-eval.json):
 * Danish ideas as citizens write them, English ones among them, with gold duplicate pairs and
 * gold themes. bench/sensemaking.ts reports the same measures next to a plain baseline.
 */
interface EvalSet {
  ideas: { id: string; theme: string; text: string }[];
  duplicates: [string, string][];
}

const set = JSON.parse(readFileSync(new URL('../fixtures/sensemaking-eval.json', import.meta.url), 'utf8')) as EvalSet;

describe('sensemaking quality on the evaluation set', () => {
  it('has the size the issue asks for', () => {
    expect(set.ideas.length).toBeGreaterThanOrEqual(80);
    expect(set.ideas.some((idea) => /\b(the|and|more)\b/i.test(idea.text))).toBe(true);
    expect(set.ideas.some((idea) => /aa/.test(idea.text))).toBe(true);
  });

  it('finds duplicate partners: recall@3 ≥ 0.8', () => {
    const index = new SimilarityIndex('da');
    for (const idea of set.ideas) index.upsert(idea.id, idea.text);
    const neighbours = (id: string, k: number) => index.similarTo(id, { limit: k }).map((hit) => hit.id);
    expect(recallAtK(set.duplicates, neighbours, 3)).toBeGreaterThanOrEqual(0.8);
  });

  it('suggests themes with purity ≥ 0.7 that cover most ideas', () => {
    const result = suggestThemes(set.ideas, 'da');
    const gold = new Map(set.ideas.map((idea) => [idea.id, idea.theme]));
    const groups = result.themes.map((theme) => theme.ideaIds);
    expect(purity(groups, gold)).toBeGreaterThanOrEqual(0.7);
    expect(coverage(groups, set.ideas.length)).toBeGreaterThanOrEqual(0.8);
    expect(adjustedRandIndex(groups, gold)).toBeGreaterThan(0.2);
  });

  it('quotes ideas verbatim and labels themes with words as written, not stems', () => {
    const texts = new Map(set.ideas.map((idea) => [idea.id, idea.text]));
    const { themes } = suggestThemes(set.ideas, 'da');
    expect(themes.length).toBeGreaterThan(3);
    for (const theme of themes) {
      expect(theme.quotes.length).toBeGreaterThanOrEqual(Math.min(2, theme.ideaIds.length));
      expect(theme.quotes.length).toBeLessThanOrEqual(3);
      for (const quote of theme.quotes) {
        expect(theme.ideaIds).toContain(quote.ideaId);
        expect(quote.text).toBe(texts.get(quote.ideaId));
      }
      expect(theme.label).not.toBe('');
    }
    const cycling = themes.find((theme) => theme.ideaIds.includes('c1'));
    expect(cycling?.label).toMatch(/cykelsti/);
    // "cykelsti" is what people wrote; a stem such as "cykl" or "skol" would not read.
    for (const word of themes.flatMap((theme) => theme.label.split(' · '))) {
      expect(set.ideas.some((idea) => foldForCompare(idea.text).includes(word))).toBe(true);
    }
  });
});

function foldForCompare(text: string): string {
  return text.toLocaleLowerCase('da').replace(/aa/g, 'å').replace(/ae/g, 'æ').replace(/oe/g, 'ø');
}
