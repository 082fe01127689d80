import { describe, expect, it } from 'vitest';
import type { Idea, IdeaStatusRecord, Initiative } from '../../shared';
import { LIMITS } from '../../shared';
import { contentLength, exportPath, fileNameFrom, formatBytes, fractionOf } from '../../client/outcomes/export-file';
import { checkDraft, draftOf, excerpt, isWebAddress, pickerList } from '../../client/outcomes/initiative-form';
import { carriedCount, nextRound, roundTitle, statusCounts } from '../../client/outcomes/round';
import { sortMyBoards } from '../../client/start/my-boards';
import type { MyBoard } from '../../client/session/storage';

const idea = (id: string, text: string, createdAt: number, authorName: string | null = null): Idea =>
  ({
    id,
    text,
    authorId: 'author-0001',
    authorName,
    contributorType: null,
    organisation: null,
    phase: null,
    principle: null,
    track: null,
    beacons: [],
    questionId: null,
    position: 'a0',
    clusterId: null,
    createdAt,
    updatedAt: createdAt,
  }) as Idea;

const record = (status: IdeaStatusRecord['current']['status']): IdeaStatusRecord => {
  const change = { status, rationale: null, at: 1, by: { participantId: 'facil-0001', name: 'Ole', role: 'facilitator' as const } };
  return { current: change, history: [change] };
};

describe('export requests and answers', () => {
  it('asks for the separator only with CSV', () => {
    expect(exportPath('board-0001', { format: 'csv', lang: 'da', sep: ';' })).toBe('/api/boards/board-0001/export/csv?lang=da&sep=%3B');
    expect(exportPath('board-0001', { format: 'xlsx', lang: 'en', sep: ';' })).toBe('/api/boards/board-0001/export/xlsx?lang=en');
  });

  it('takes the server\'s file name from Content-Disposition', () => {
    expect(fileNameFrom('attachment; filename="kick-off-2024-05-29.xlsx"', 'x')).toBe('kick-off-2024-05-29.xlsx');
    expect(fileNameFrom("attachment; filename*=UTF-8''k%C3%B8ge-plan.csv; filename=\"koege-plan.csv\"", 'x')).toBe('køge-plan.csv');
    expect(fileNameFrom('attachment; filename=rapport.html', 'x')).toBe('rapport.html');
    expect(fileNameFrom('attachment; filename="a \\"b\\".md"', 'x')).toBe('a "b".md');
    expect(fileNameFrom('attachment; filename="../../etc/passwd"', 'x')).toBe('....etcpasswd');
    expect(fileNameFrom('attachment', 'fallback.json')).toBe('fallback.json');
    expect(fileNameFrom(null, 'fallback.json')).toBe('fallback.json');
    expect(fileNameFrom('attachment; filename=""', 'fallback.json')).toBe('fallback.json');
  });

  it('reads Content-Length and the share received', () => {
    expect(contentLength('12345')).toBe(12345);
    expect(contentLength(null)).toBeNull();
    expect(contentLength('-1')).toBeNull();
    expect(contentLength('12abc')).toBeNull();
    expect(fractionOf(50, 200)).toBe(0.25);
    expect(fractionOf(300, 200)).toBe(1);
    expect(fractionOf(10, null)).toBeNull();
    expect(fractionOf(10, 0)).toBeNull();
  });

  it('formats sizes in the reader\'s language', () => {
    expect(formatBytes(512, 'da-DK')).toBe('512 B');
    expect(formatBytes(3_400_000, 'da-DK')).toBe('3,4 MB');
    expect(formatBytes(3_400_000, 'en-GB')).toBe('3.4 MB');
    expect(formatBytes(1_500, 'en-GB')).toBe('1.5 kB');
  });
});

describe('the initiative form', () => {
  const board = { beaconIds: new Set(['beacon-01']), hasIdea: (id: string) => id !== 'idea-gone' };

  it('starts empty for a new initiative and from the saved one for an edit', () => {
    expect(draftOf(null)).toMatchObject({ title: '', scale: 'small', kind: 'new', ideaIds: [], targetPhase: null });
    const saved = {
      id: 'ini-000001',
      title: 'Bænke',
      description: 'Flere bænke',
      scale: 'flagship',
      kind: 'existing',
      responsibleUnit: null,
      beacons: ['beacon-01'],
      targetPhase: 3,
      decisionLink: null,
      ideaIds: ['idea-0001'],
      createdAt: 1,
      updatedAt: 1,
      updatedBy: { participantId: 'facil-0001', name: null, role: 'facilitator' },
    } as Initiative;
    expect(draftOf(saved)).toMatchObject({ title: 'Bænke', responsibleUnit: '', decisionLink: '', targetPhase: 3, ideaIds: ['idea-0001'] });
  });

  it('needs a title and a followable decision link', () => {
    const draft = { ...draftOf(null), title: '  ', decisionLink: 'javascript:alert(1)' };
    expect(checkDraft(draft, board)).toEqual({ ok: false, errors: { title: 'required', decisionLink: 'invalid' } });
    expect(isWebAddress('https://www.ishoj.dk/dagsorden/42')).toBe(true);
    expect(isWebAddress('www.ishoj.dk')).toBe(false);
    expect(isWebAddress('ftp://ishoj.dk')).toBe(false);
  });

  it('sends trimmed fields, null for empty ones, and drops what left the board', () => {
    const draft = {
      ...draftOf(null),
      title: ' Skygge ved søen ',
      responsibleUnit: '  ',
      decisionLink: ' https://ishoj.dk/a ',
      beacons: ['beacon-01', 'beacon-xx', 'beacon-01'],
      ideaIds: ['idea-0001', 'idea-gone', 'idea-0001', 'idea-0002'],
    };
    const checked = checkDraft(draft, board);
    expect(checked).toEqual({
      ok: true,
      fields: {
        title: 'Skygge ved søen',
        description: '',
        scale: 'small',
        kind: 'new',
        responsibleUnit: null,
        beacons: ['beacon-01'],
        targetPhase: null,
        decisionLink: 'https://ishoj.dk/a',
        ideaIds: ['idea-0001', 'idea-0002'],
      },
    });
  });

  it('lists pinned ideas and the first matches in board order, counting every match', () => {
    const ideas = [
      idea('idea-0001', 'Bænke ved Ishøj Sø', 1, 'Ane'),
      idea('idea-0002', 'Skygge på legepladsen', 2),
      idea('idea-0003', 'Flere bænke ved stationen', 3),
      idea('idea-0004', 'Fælles kalender', 4, 'Bo'),
    ];
    const all = pickerList(ideas, '', new Set(), 2);
    expect(all.shown.map((i) => i.id)).toEqual(['idea-0001', 'idea-0002']);
    expect(all.matches).toBe(4);
    // Danish search: "baenke" finds "Bænke"; the pinned idea stays although it does not match.
    const found = pickerList(ideas, 'baenke', new Set(['idea-0004']), 10);
    expect(found.shown.map((i) => i.id)).toEqual(['idea-0001', 'idea-0003', 'idea-0004']);
    expect(found.matches).toBe(2);
    expect(pickerList(ideas, 'ane', new Set(), 10).shown.map((i) => i.id)).toEqual(['idea-0001']);
  });

  it('cuts long ideas at a word', () => {
    expect(excerpt('Kort idé')).toBe('Kort idé');
    expect(excerpt('En  idé\nmed linjeskift')).toBe('En idé med linjeskift');
    const long = 'ord '.repeat(60);
    const cut = excerpt(long, 50);
    expect(cut.endsWith('…')).toBe(true);
    expect(cut.length).toBeLessThanOrEqual(51);
    expect(cut).not.toMatch(/ …$/);
  });
});

describe('a new round', () => {
  it('suggests the next round\'s title', () => {
    expect(nextRound('Kick-off workshop med rådene')).toEqual({ base: 'Kick-off workshop med rådene', n: 2 });
    expect(nextRound('Kick-off – runde 2')).toEqual({ base: 'Kick-off', n: 3 });
    expect(nextRound('Budget - Round 4')).toEqual({ base: 'Budget', n: 5 });
    const format = (base: string, n: number) => `${base} – runde ${n}`;
    expect(roundTitle('Kick-off', format)).toBe('Kick-off – runde 2');
    const long = roundTitle('x'.repeat(LIMITS.boardTitle), format);
    expect(long.length).toBeLessThanOrEqual(LIMITS.boardTitle);
    expect(long.endsWith('… – runde 2')).toBe(true);
  });

  it('counts ideas per status (no record: new) and what the chosen statuses carry', () => {
    const statuses = new Map([
      ['idea-0001', record('selected')],
      ['idea-0002', record('selected')],
      ['idea-0003', record('not-taken-forward')],
    ]);
    const counts = statusCounts(['idea-0001', 'idea-0002', 'idea-0003', 'idea-0004'], statuses);
    expect(counts).toEqual({ new: 1, considering: 0, selected: 2, started: 0, realised: 0, 'not-taken-forward': 1 });
    expect(carriedCount(counts, new Set(['selected']))).toBe(2);
    expect(carriedCount(counts, new Set(['selected', 'new']))).toBe(3);
    expect(carriedCount(counts, new Set())).toBe(0);
  });
});

describe('my boards', () => {
  const facilitatorLink = 'https://samskab.example/b/board1#k=f';
  it('lists the newest first and boards without a date last, by title', () => {
    const boards: MyBoard[] = [
      { boardId: 'b1', title: 'Ældre', createdAt: 100, facilitatorLink },
      { boardId: 'b2', title: 'Uden dato B', createdAt: null, facilitatorLink },
      { boardId: 'b3', title: 'Nyeste', createdAt: 300, facilitatorLink },
      { boardId: 'b4', title: 'Uden dato A', createdAt: null, facilitatorLink },
    ];
    expect(sortMyBoards(boards).map((b) => b.boardId)).toEqual(['b3', 'b1', 'b4', 'b2']);
    expect(boards[0]?.boardId).toBe('b1');
  });
});
