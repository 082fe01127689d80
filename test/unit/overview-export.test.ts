import { describe, expect, it } from 'vitest';
import { countOverviewIdeas, type OverviewIdea } from '../../shared';
import { countRows } from '../../server/installation/overview-counts';
import { overviewLabels, templateName } from '../../server/installation/overview-labels';
import { overviewCsvRow, overviewHeadings } from '../../server/installation/overview-rows';

/** The coordinator's export reads like the board export: labels, never wire codes. */
function idea(fields: Partial<OverviewIdea>): OverviewIdea {
  return {
    id: 'idea-0001',
    text: 'Sti langs stranden',
    authorId: 'author-0001',
    authorName: null,
    contributorType: null,
    organisation: null,
    createdAt: Date.UTC(2024, 0, 15, 9, 30, 0), // winter: 10:30 in Copenhagen
    updatedAt: Date.UTC(2024, 0, 15, 9, 30, 0),
    phase: null,
    principle: null,
    track: null,
    beacons: [],
    questionId: null,
    position: 'a0',
    clusterId: null,
    boardId: 'board-0001',
    boardTitle: 'Rådene',
    status: 'new',
    statusRationale: null,
    statusChangedAt: null,
    beaconNames: [],
    initiatives: [],
    ...fields,
  };
}

const IDEAS = [
  idea({ phase: 1, principle: 1, track: 'outward', beaconNames: ['Natur', 'Sundhed'], status: 'selected', contributorType: 'association' }),
  idea({ phase: 1, principle: 1, track: 'political', beaconNames: ['Natur'], status: 'not-taken-forward', contributorType: 'politician' }),
  idea({}),
];

describe('the coordinator\u2019s export words', () => {
  it('counts with the board export\u2019s labels: "Fase 1 – … × Inddragelse og samskabelse", "Uden fase", zeros included', () => {
    const rows = countRows(countOverviewIdeas(IDEAS), overviewLabels('da'));
    const count = (dimension: string, value: string | null) => rows.find((r) => r.dimension === dimension && r.value === value)?.count;
    expect(rows[0]).toEqual({ dimension: 'I alt', value: null, count: 3 });
    expect(count('Fase og princip', 'Fase 1 – Kendskab, ejerskab og engagement × Inddragelse og samskabelse')).toBe(2);
    expect(count('Fase og princip', 'Uden fase × Uden princip')).toBe(1);
    expect(count('Fase og princip', 'Fase 3 – Realisering × Uden princip')).toBe(0);
    expect(rows.filter((r) => r.dimension === 'Fase og princip')).toHaveLength(16);
    expect(rows.filter((r) => r.dimension === 'Status').map((r) => [r.value, r.count])).toEqual([
      ['Ny', 1],
      ['Overvejes', 0],
      ['Udvalgt', 1],
      ['Sat i gang', 0],
      ['Realiseret', 0],
      ['Ikke videreført', 1],
    ]);
    expect(count('Spor', 'Politisk spor')).toBe(1);
    expect(count('Spor', 'Uden spor')).toBe(1);
    expect(count('Bidragyder', 'Forening')).toBe(1);
    expect(count('Bidragyder', 'Politiker')).toBe(1);
    expect(count('Bidragyder', 'Ikke angivet')).toBe(1);
    expect(rows.filter((r) => r.dimension === 'Pejlemærker').map((r) => [r.value, r.count])).toEqual([
      ['Natur', 2],
      ['Sundhed', 1],
      ['Uden pejlemærke', 1],
    ]);
    const values = rows.map((r) => r.value ?? '');
    expect(values.filter((v) => /none|^\d:\d$|^(new|selected|outward|association)$/.test(v))).toEqual([]);
    expect(countRows(countOverviewIdeas(IDEAS), overviewLabels('en')).find((r) => r.value === 'No phase × No principle')?.count).toBe(1);
  });

  it('writes a CSV row in words with Copenhagen time, and the ids for joining', () => {
    const l = overviewLabels('da');
    expect(overviewHeadings(l).slice(0, 5)).toEqual(['Tavle', 'Tavle-id', 'Idé-id', 'Idé', 'Status']);
    expect(overviewCsvRow(IDEAS[0]!, l)).toEqual([
      'Rådene', 'board-0001', 'idea-0001', 'Sti langs stranden', 'Udvalgt', null, null,
      'Fase 1 – Kendskab, ejerskab og engagement', 'Inddragelse og samskabelse', 'Udadvendt spor', 'Natur, Sundhed', '',
      'Forening', null, 'Anonym', '2024-01-15T10:30:00+01:00',
    ]);
    expect(overviewCsvRow(IDEAS[1]!, overviewLabels('en')).slice(4, 5)).toEqual(['Not taken forward']);
  });

  it('names templates as the start page does, and keeps one it does not know', () => {
    expect(templateName(overviewLabels('da'), 'kickoff')).toBe('Kick-off workshop med rådene');
    expect(templateName(overviewLabels('en'), 'blank')).toBe('Blank board');
    expect(templateName(overviewLabels('da'), 'from-a-newer-version')).toBe('from-a-newer-version');
  });
});
