import { describe, expect, it } from 'vitest';
import type { BoardSettings, Comment, Idea, IdeaStatusRecord } from '../../shared';
import {
  activeFilterCount,
  copenhagenDay,
  copenhagenDayStart,
  hasChosenFilters,
  ideaFilter,
  isFiltered,
  matchesFilters,
  statusOf,
} from '../../client/board/filters';
import { groupIdeas } from '../../client/board/grouping';
import { initialFilters, noFilters, type Filters } from '../../client/state/slices/ui';

let n = 0;
function idea(extra: Partial<Idea> = {}): Idea {
  n += 1;
  return {
    id: `idea-${n}`,
    text: `Idé ${n}`,
    authorId: 'author-1',
    authorName: null,
    contributorType: null,
    organisation: null,
    createdAt: Date.UTC(2024, 4, 29, 15, 0),
    updatedAt: 0,
    phase: null,
    principle: null,
    track: null,
    beacons: [],
    questionId: null,
    position: `a${n}`,
    clusterId: null,
    ...extra,
  };
}

const settings: BoardSettings = {
  title: 'Kick-off',
  description: '',
  beacons: [],
  questions: [
    { id: 'q-councils', text: 'Hvad kan rådene bidrage med?' },
    { id: 'q-strengths', text: 'Hvilke ressourcer har Ishøj?' },
  ],
  focusQuestionId: 'q-councils',
  call: null,
};

const f = (patch: Partial<Filters>): Filters => ({ ...noFilters, ...patch });

describe('the existing filters', () => {
  it('filters by phase, principle and track', () => {
    const a = idea({ phase: 1, principle: 2, track: 'outward' });
    expect(matchesFilters(a, f({ phase: 1 }))).toBe(true);
    expect(matchesFilters(a, f({ phase: 2 }))).toBe(false);
    expect(matchesFilters(a, f({ principle: 2, track: 'outward' }))).toBe(true);
    expect(matchesFilters(a, f({ track: 'inward' }))).toBe(false);
  });

  it('follows the focus question by default; ideas without a question follow it too', () => {
    const onFocus = idea({ questionId: 'q-councils' });
    const other = idea({ questionId: 'q-strengths' });
    const none = idea({ questionId: null });
    const removed = idea({ questionId: 'q-gone' });
    const shown = (i: Idea) => matchesFilters(i, initialFilters, settings);
    expect([onFocus, other, none, removed].map(shown)).toEqual([true, false, true, true]);
    // One question's ideas; "none" means ideas without a (still existing) question.
    expect(matchesFilters(other, f({ question: { id: 'q-strengths' } }), settings)).toBe(true);
    expect(matchesFilters(removed, f({ question: { id: null } }), settings)).toBe(true);
    expect(matchesFilters(onFocus, f({ question: { id: null } }), settings)).toBe(false);
    // A board without a focus question shows every question's ideas.
    expect(matchesFilters(other, initialFilters, { ...settings, focusQuestionId: null })).toBe(true);
  });
});

describe('status', () => {
  const record = (status: IdeaStatusRecord['current']['status']): IdeaStatusRecord => {
    const change = { status, rationale: null, at: 1, by: { participantId: 'p-1', name: 'Mette', role: 'facilitator' as const } };
    return { current: change, history: [change] };
  };

  it('reads ideas without a record as new', () => {
    const a = idea();
    const b = idea();
    const statuses = new Map([[b.id, record('selected')]]);
    expect(statusOf(a.id, statuses)).toBe('new');
    expect(statusOf(b.id, statuses)).toBe('selected');
    expect(matchesFilters(a, f({ status: 'new' }), null, { statuses })).toBe(true);
    expect(matchesFilters(b, f({ status: 'new' }), null, { statuses })).toBe(false);
    expect(matchesFilters(b, f({ status: 'selected' }), null, { statuses })).toBe(true);
  });

  it('works without the statuses mirror: every idea is new', () => {
    const a = idea();
    expect(matchesFilters(a, f({ status: 'new' }))).toBe(true);
    expect(matchesFilters(a, f({ status: 'realised' }))).toBe(false);
    expect(statusOf(a.id, null)).toBe('new');
  });
});

describe('contributor type', () => {
  it('shows only that type; ideas that did not say are left out', () => {
    const business = idea({ contributorType: 'business' });
    const citizen = idea({ contributorType: 'citizen' });
    const unsaid = idea({ contributorType: null });
    const shown = [business, citizen, unsaid].filter(ideaFilter(f({ contributorType: 'citizen' })));
    expect(shown).toEqual([citizen]);
  });
});

describe('dates, as Europe/Copenhagen calendar days', () => {
  it('finds when a Copenhagen day starts, summer and winter', () => {
    expect(copenhagenDayStart('2024-05-29')).toBe(Date.UTC(2024, 4, 28, 22, 0));
    expect(copenhagenDayStart('2024-12-24')).toBe(Date.UTC(2024, 11, 23, 23, 0));
    // The days the clocks change: midnight is still on the old offset.
    expect(copenhagenDayStart('2024-03-31')).toBe(Date.UTC(2024, 2, 30, 23, 0));
    expect(copenhagenDayStart('2024-04-01')).toBe(Date.UTC(2024, 2, 31, 22, 0));
    expect(copenhagenDayStart('2024-10-27')).toBe(Date.UTC(2024, 9, 26, 22, 0));
    expect(copenhagenDayStart('2024-10-28')).toBe(Date.UTC(2024, 9, 27, 23, 0));
    expect(copenhagenDayStart('2024-05-29', 1)).toBe(Date.UTC(2024, 4, 29, 22, 0));
    expect(copenhagenDayStart('not a day')).toBeNull();
  });

  it('gives the Copenhagen day of an instant', () => {
    expect(copenhagenDay(Date.UTC(2024, 4, 28, 22, 30))).toBe('2024-05-29');
    expect(copenhagenDay(Date.UTC(2024, 4, 28, 21, 59))).toBe('2024-05-28');
    expect(copenhagenDay(Date.UTC(2024, 11, 31, 23, 0))).toBe('2025-01-01');
  });

  it('includes both end days whole, by the Danish clock', () => {
    // 00:30 in Copenhagen on 29 May is still 28 May in UTC.
    const justAfterMidnight = idea({ createdAt: Date.UTC(2024, 4, 28, 22, 30) });
    const lateEvening = idea({ createdAt: Date.UTC(2024, 4, 29, 21, 59) });
    const nextDay = idea({ createdAt: Date.UTC(2024, 4, 29, 22, 0) });
    const dayBefore = idea({ createdAt: Date.UTC(2024, 4, 28, 21, 59) });
    const kickoff = f({ createdFrom: '2024-05-29', createdTo: '2024-05-29' });
    expect([justAfterMidnight, lateEvening, nextDay, dayBefore].filter(ideaFilter(kickoff))).toEqual([justAfterMidnight, lateEvening]);
    expect([justAfterMidnight, nextDay, dayBefore].filter(ideaFilter(f({ createdFrom: '2024-05-30' })))).toEqual([nextDay]);
    expect([justAfterMidnight, nextDay, dayBefore].filter(ideaFilter(f({ createdTo: '2024-05-28' })))).toEqual([dayBefore]);
  });
});

describe('search with the other filters', () => {
  it('needs the search and every filter', () => {
    const a = idea({ text: 'Cykelsti til Østerbro', contributorType: 'citizen', phase: 2 });
    const b = idea({ text: 'Cykelsti til Århus', contributorType: 'citizen', phase: 1 });
    const c = idea({ text: 'Bænke ved Aarhus Å', contributorType: 'business', phase: 2 });
    const all = [a, b, c];
    expect(all.filter(ideaFilter(f({ query: 'cykelsti' })))).toEqual([a, b]);
    expect(all.filter(ideaFilter(f({ query: 'aarhus' })))).toEqual([b, c]);
    expect(all.filter(ideaFilter(f({ query: 'ÅRHUS', contributorType: 'citizen' })))).toEqual([b]);
    expect(all.filter(ideaFilter(f({ query: 'oster' })))).toEqual([]);
    expect(all.filter(ideaFilter(f({ query: 'ØSTER', phase: 2 })))).toEqual([a]);
  });

  it('searches published comments too, each word in the idea or its comments', () => {
    const a = idea({ text: 'Cykelsti langs Køge Bugt' });
    const b = idea({ text: 'Flere bænke' });
    const comment: Comment = {
      id: 'comment-1',
      ideaId: a.id,
      text: 'Godt forslag – også til Ærø-færgen',
      authorId: 'p-2',
      authorName: 'Ditte',
      contributorType: 'citizen',
      createdAt: 1,
      editedAt: null,
    };
    const comments = new Map([[a.id, [comment]]]);
    const search = (query: string) => [a, b].filter(ideaFilter(f({ query }), null, { comments }));
    expect(search('aeroe')).toEqual([a]);
    expect(search('ditte')).toEqual([a]);
    expect(search('cykelsti færgen')).toEqual([a]);
    expect(search('bænke færgen')).toEqual([]);
    // Without the comments mirror, only the idea itself is searched.
    expect([a, b].filter(ideaFilter(f({ query: 'ditte' })))).toEqual([]);
  });

  it('groups only what matches', () => {
    const a = idea({ text: 'Legeplads i Vejleåparken', phase: 1, principle: 1 });
    const b = idea({ text: 'Legeplads ved stranden', phase: null, principle: null });
    const c = idea({ text: 'Fælles kalender', phase: 1, principle: 1 });
    const groups = groupIdeas([a, b, c], 'phase-principle', null, f({ query: 'legeplads' }));
    const byKey = Object.fromEntries(groups.map((g) => [g.key, g.ideas.map((i) => i.id)]));
    expect(byKey['cell-1-1']).toEqual([a.id]);
    expect(byKey['unclassified']).toEqual([b.id]);
    expect(groups.reduce((s, g) => s + g.ideas.length, 0)).toBe(2);
  });
});

describe('counting filters', () => {
  it('counts each narrowing filter once, the date range as one, the search apart', () => {
    expect(activeFilterCount(noFilters, settings)).toBe(0);
    // The focus question narrows the list when the board has one.
    expect(activeFilterCount(initialFilters, settings)).toBe(1);
    expect(activeFilterCount(initialFilters, { ...settings, focusQuestionId: null })).toBe(0);
    expect(activeFilterCount(f({ status: 'new', createdFrom: '2024-05-01', createdTo: '2024-05-31', query: 'x' }), null)).toBe(2);
  });

  it('tells a chosen filter from the focus default', () => {
    expect(hasChosenFilters(initialFilters)).toBe(false);
    expect(hasChosenFilters(noFilters)).toBe(false);
    expect(hasChosenFilters(f({ query: '  ' }))).toBe(false);
    expect(hasChosenFilters(f({ query: 'ærø' }))).toBe(true);
    expect(hasChosenFilters(f({ question: { id: 'q-strengths' } }))).toBe(true);
    expect(hasChosenFilters(f({ createdTo: '2024-05-29' }))).toBe(true);
    expect(isFiltered(f({ query: 'ærø' }), null)).toBe(true);
    expect(isFiltered(noFilters, settings)).toBe(false);
  });
});
