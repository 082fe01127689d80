import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  CONTRIBUTOR_TYPES,
  ErrorCode,
  CloseCode,
  ID_PATTERN,
  LIMITS,
  PHASES,
  PRINCIPLES,
  TEMPLATES,
  TEMPLATE_IDS,
  TRACKS,
  boardSettingsPatchSchema,
  boardSettingsSchema,
  createBoardRequestSchema,
  createSessionRequestSchema,
  ideaSchema,
  insertIdea,
  randomId,
  readIdea,
  readIdeas,
  ideasMap,
  type Idea,
} from '../../shared';

const idea: Idea = {
  id: 'idea-000001',
  text: 'Flere grønne områder i Ishøj Landsby',
  authorId: 'author-0001',
  authorName: 'Åse Ørsted',
  contributorType: 'citizen',
  organisation: null,
  createdAt: 1,
  updatedAt: 2,
  phase: 2,
  principle: 1,
  track: 'outward',
  beacons: [],
  questionId: null,
  position: 'a0',
  clusterId: null,
};

describe('taxonomy', () => {
  it('has the memo\u2019s three phases, three principles and three tracks', () => {
    expect(PHASES).toEqual([1, 2, 3]);
    expect(PRINCIPLES).toEqual([1, 2, 3]);
    expect(TRACKS).toEqual(['political', 'outward', 'inward']);
    expect(CONTRIBUTOR_TYPES).toContain('council');
  });

  it('has a template per activity, with the kick-off\u2019s three questions in both languages', () => {
    expect(TEMPLATE_IDS).toEqual(['blank', 'kickoff', 'staff', 'citizens', 'budget']);
    for (const id of TEMPLATE_IDS) {
      const t = TEMPLATES[id];
      expect(t.text.da.questions).toHaveLength(t.questionIds.length);
      expect(t.text.en.questions).toHaveLength(t.questionIds.length);
    }
    expect(TEMPLATES.kickoff.text.da.questions).toHaveLength(3);
  });

  it('keeps every refusal code unique, every non-retry close code in 4400–4499 and every retry one outside it', () => {
    expect(new Set(Object.values(ErrorCode)).size).toBe(Object.values(ErrorCode).length);
    for (const [name, code] of Object.entries(CloseCode)) {
      if (name === 'GOING_AWAY' || name === 'TRY_AGAIN_LATER') expect(code).toBeLessThan(4000);
      // y-websocket reconnects on anything outside 4400–4499: a stranger's claim to a
      // presence id must be retryable (PROTOCOL.md §9), so it sits below that range.
      else if (name === 'CLIENT_ID_CONFLICT') expect(code >= 4000 && code < 4400).toBe(true);
      else expect(code >= 4400 && code <= 4499).toBe(true);
    }
  });
});

describe('idea schema', () => {
  it('accepts a complete idea, with æøå intact', () => {
    expect(ideaSchema.parse(idea).authorName).toBe('Åse Ørsted');
  });

  it.each([
    ['empty text', { text: '   ' }],
    ['text over the limit', { text: 'x'.repeat(LIMITS.ideaText + 1) }],
    ['unknown phase', { phase: 4 }],
    ['unknown track', { track: 'sideways' }],
    ['path in id', { id: '../../etc/passwd' }],
    ['negative time', { createdAt: -1 }],
    ['extra field', { colour: 'red' }],
    ['too many beacons', { beacons: Array.from({ length: LIMITS.beaconsPerIdea + 1 }, (_, i) => `beacon-${i}`) }],
  ])('refuses %s', (_name, patch) => {
    expect(ideaSchema.safeParse({ ...idea, ...patch }).success).toBe(false);
  });

  it('reads an idea back from its Y.Map, and not a half-written one', () => {
    const doc = new Y.Doc();
    insertIdea(doc, idea);
    expect(readIdeas(doc)).toEqual([idea]);
    ideasMap(doc).get(idea.id)?.delete('text');
    expect(readIdea(ideasMap(doc).get(idea.id)!)).toBeNull();
  });
});

describe('requests and settings', () => {
  it('defaults a board request to a blank Danish board', () => {
    expect(createBoardRequestSchema.parse({})).toEqual({ template: 'blank', locale: 'da' });
    expect(createBoardRequestSchema.safeParse({ template: 'party' }).success).toBe(false);
    expect(createBoardRequestSchema.safeParse({ title: 'x'.repeat(LIMITS.boardTitle + 1) }).success).toBe(false);
  });

  it('validates sessions: a token, and an optional name within limits', () => {
    expect(createSessionRequestSchema.safeParse({ token: 't', displayName: null }).success).toBe(true);
    expect(createSessionRequestSchema.safeParse({ displayName: 'x' }).success).toBe(false);
    expect(createSessionRequestSchema.safeParse({ token: 't', displayName: 'x'.repeat(61) }).success).toBe(false);
    expect(createSessionRequestSchema.safeParse({ token: 't', contributorType: 'alien' }).success).toBe(false);
  });

  it('validates board settings and partial patches strictly', () => {
    const settings = { title: 'Kick-off', description: '', beacons: [{ id: 'beacon-1', name: 'Trivsel' }], questions: [], focusQuestionId: null };
    // A board from before public calls has no `call`: it reads as none.
    expect(boardSettingsSchema.parse(settings)).toEqual({ ...settings, call: null });
    expect(boardSettingsPatchSchema.safeParse({ title: 'Ny titel' }).success).toBe(true);
    // The public call changes only through call:configure, never a settings patch.
    expect(boardSettingsPatchSchema.safeParse({ call: null }).success).toBe(false);
    expect(boardSettingsPatchSchema.safeParse({ owner: 'me' }).success).toBe(false);
    expect(boardSettingsPatchSchema.safeParse({ beacons: [{ id: 'x', name: 'too short id' }] }).success).toBe(false);
  });

  it('makes random ids that match the id pattern', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => randomId()));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(ID_PATTERN.test(id)).toBe(true);
  });
});
