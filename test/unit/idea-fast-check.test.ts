import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { IDEA_FIELDS, checkIdeaFields, ideaSchema, insertIdea, ideasMap, parseIdea, readIdea, type Idea } from '../../shared';
import { LIMITS } from '../../shared/model/limits';

/**
 * The hand-written idea check (shared/model/idea.ts) must accept and refuse exactly what
 * ideaSchema does, and give the same value (text trimmed, clusterId defaulted, key order).
 */

const valid: Idea = {
  id: 'idea-000001',
  text: 'Flere cykelstier',
  authorId: 'author-0001',
  authorName: 'Mette',
  contributorType: 'citizen',
  organisation: 'Cykelklubben',
  createdAt: 1_700_000_000_000,
  updatedAt: 1_700_000_000_500,
  phase: 2,
  principle: 3,
  track: 'outward',
  beacons: ['beacon-01', 'beacon-02'],
  questionId: 'question-1',
  position: 'a0V',
  clusterId: 'cluster-01',
};

const nulls: Idea = {
  ...valid,
  authorName: null,
  contributorType: null,
  organisation: null,
  phase: null,
  principle: null,
  track: null,
  beacons: [],
  questionId: null,
  clusterId: null,
};

const without = (field: keyof Idea, base: Record<string, unknown> = valid): Record<string, unknown> => {
  const copy = { ...base };
  delete copy[field];
  return copy;
};

/** [name, record]: every rule of the schema, both sides of each limit. */
const cases: Array<[string, unknown]> = [
  ['a full idea', valid],
  ['every nullable field null', nulls],
  ['clusterId absent (an older idea)', without('clusterId')],
  ['clusterId undefined', { ...valid, clusterId: undefined }],
  ['clusterId absent, rest null', without('clusterId', nulls)],
  ['text padded (trimmed)', { ...valid, text: '  Flere bænke \n' }],
  ['text only spaces', { ...valid, text: '   ' }],
  ['text empty', { ...valid, text: '' }],
  ['text at its limit', { ...valid, text: 'x'.repeat(LIMITS.ideaText) }],
  ['text at its limit after trimming', { ...valid, text: ` ${'x'.repeat(LIMITS.ideaText)} ` }],
  ['text over its limit', { ...valid, text: 'x'.repeat(LIMITS.ideaText + 1) }],
  ['text a number', { ...valid, text: 42 }],
  ['text null', { ...valid, text: null }],
  ['text absent', without('text')],
  ['id absent', without('id')],
  ['id too short', { ...valid, id: 'abc' }],
  ['id at 64 characters', { ...valid, id: 'a'.repeat(64) }],
  ['id over 64 characters', { ...valid, id: 'a'.repeat(65) }],
  ['id with a slash', { ...valid, id: 'idea/00001' }],
  ['id null', { ...valid, id: null }],
  ['authorId absent', without('authorId')],
  ['authorId with a space', { ...valid, authorId: 'author 0001' }],
  ['authorName at its limit', { ...valid, authorName: 'n'.repeat(LIMITS.displayName) }],
  ['authorName over its limit', { ...valid, authorName: 'n'.repeat(LIMITS.displayName + 1) }],
  ['authorName empty', { ...valid, authorName: '' }],
  ['authorName absent', without('authorName')],
  ['authorName a number', { ...valid, authorName: 7 }],
  ['contributorType unknown', { ...valid, contributorType: 'alien' }],
  ['contributorType absent', without('contributorType')],
  ['organisation over its limit', { ...valid, organisation: 'o'.repeat(LIMITS.organisation + 1) }],
  ['organisation at its limit', { ...valid, organisation: 'o'.repeat(LIMITS.organisation) }],
  ['createdAt zero', { ...valid, createdAt: 0 }],
  ['createdAt negative', { ...valid, createdAt: -1 }],
  ['createdAt minus zero', { ...valid, createdAt: -0 }],
  ['createdAt fractional', { ...valid, createdAt: 1.5 }],
  ['createdAt NaN', { ...valid, createdAt: Number.NaN }],
  ['createdAt infinite', { ...valid, createdAt: Number.POSITIVE_INFINITY }],
  ['createdAt a string', { ...valid, createdAt: '1700000000000' }],
  ['updatedAt absent', without('updatedAt')],
  ['phase 0', { ...valid, phase: 0 }],
  ['phase 4', { ...valid, phase: 4 }],
  ['phase "1"', { ...valid, phase: '1' }],
  ['phase absent', without('phase')],
  ['principle 3', { ...valid, principle: 3 }],
  ['principle 1.5', { ...valid, principle: 1.5 }],
  ['track unknown', { ...valid, track: 'sideways' }],
  ['track absent', without('track')],
  ['beacons at their limit', { ...valid, beacons: Array.from({ length: LIMITS.beaconsPerIdea }, (_, i) => `beacon-${i + 10}`) }],
  ['beacons over their limit', { ...valid, beacons: Array.from({ length: LIMITS.beaconsPerIdea + 1 }, (_, i) => `beacon-${i + 10}`) }],
  ['beacons with a bad id', { ...valid, beacons: ['beacon-01', 'x'] }],
  ['beacons with null', { ...valid, beacons: [null] }],
  ['beacons null', { ...valid, beacons: null }],
  ['beacons an object', { ...valid, beacons: { 0: 'beacon-01' } }],
  ['beacons absent', without('beacons')],
  ['questionId a bad id', { ...valid, questionId: 'q' }],
  ['questionId absent', without('questionId')],
  ['position empty', { ...valid, position: '' }],
  ['position at its limit', { ...valid, position: 'a'.repeat(LIMITS.position) }],
  ['position over its limit', { ...valid, position: 'a'.repeat(LIMITS.position + 1) }],
  ['position null', { ...valid, position: null }],
  ['clusterId a bad id', { ...valid, clusterId: 'c' }],
  ['clusterId a number', { ...valid, clusterId: 5 }],
  ['an unknown key (strict)', { ...valid, colour: 'yellow' }],
  ['an unknown key set to undefined', { ...valid, colour: undefined }],
  ['an object with a prototype', Object.assign(Object.create({ inherited: true }) as object, valid)],
  ['a null-prototype object', Object.assign(Object.create(null) as object, valid)],
  ['an array', [valid]],
  ['a Map', new Map(Object.entries(valid))],
  ['null', null],
  ['a string', 'idea'],
  ['nothing', undefined],
];

const zod = (value: unknown): Idea | null => {
  const result = ideaSchema.safeParse(value);
  return result.success ? result.data : null;
};

describe('the hand-written idea check', () => {
  it.each(cases)('agrees with ideaSchema: %s', (_name, record) => {
    const expected = zod(record);
    const fast = parseIdea(record);
    expect(fast).toEqual(expected);
    if (expected) expect(Object.keys(fast as Idea)).toEqual(Object.keys(expected));
    // The check alone, without parseIdea's zod fallback, as readIdea uses it on a Y.Map's fields
    // (unknown keys are parseIdea's to refuse: a Y.Map is read field by field).
    if (typeof record === 'object' && record !== null && Object.getPrototypeOf(record) === Object.prototype) {
      const fields = record as Record<string, unknown>;
      if (Object.keys(fields).every((key) => (IDEA_FIELDS as string[]).includes(key))) {
        expect(checkIdeaFields((name) => fields[name])).toEqual(expected);
      }
    }
  });

  it('gives a fresh beacons array, as zod does', () => {
    const parsed = parseIdea(valid);
    expect(parsed?.beacons).toEqual(valid.beacons);
    expect(parsed?.beacons).not.toBe(valid.beacons);
  });

  it('reads an idea from the document as before, optional fields absent included', () => {
    const doc = new Y.Doc();
    insertIdea(doc, valid);
    const older = new Y.Map<unknown>();
    doc.transact(() => {
      ideasMap(doc).set('idea-older', older);
      for (const [field, value] of Object.entries(without('clusterId', { ...valid, id: 'idea-older', text: ' Gammel ' }))) older.set(field, value);
    });
    const broken = new Y.Map<unknown>();
    doc.transact(() => {
      ideasMap(doc).set('idea-broken', broken);
      for (const [field, value] of Object.entries({ ...valid, id: 'idea-broken', phase: 9 })) broken.set(field, value);
    });
    const read = (id: string) => readIdea(ideasMap(doc).get(id) as Y.Map<unknown>);
    expect(read(valid.id)).toEqual(valid);
    expect(read('idea-older')).toEqual({ ...valid, id: 'idea-older', text: 'Gammel', clusterId: null });
    expect(read('idea-broken')).toBeNull();
  });
});
