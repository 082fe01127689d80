import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import type { OverviewChange, OverviewCounts } from '../../shared';
import { da } from '../../client/i18n/da';
import { en } from '../../client/i18n/en';
import { groupChanges, reportText } from '../../client/coordinator/change-report';
import { sinceOf } from '../../client/coordinator/time';

const t = (lng: 'da' | 'en') => {
  const instance = i18next.createInstance();
  void instance.init({ resources: { da: { translation: da }, en: { translation: en } }, lng, interpolation: { escapeValue: false }, initAsync: false });
  return instance.t;
};

/** Copenhagen summer time (UTC+2). */
const at = (iso: string) => Date.parse(`${iso}+02:00`);

function change(fields: Partial<OverviewChange>): OverviewChange {
  return {
    kind: 'idea-added',
    at: at('2025-05-12T10:00:00'),
    boardId: 'board-0001',
    boardTitle: 'Rådene',
    id: 'idea-0001',
    text: 'Sti langs stranden',
    status: null,
    rationale: null,
    by: 'Ane',
    ...fields,
  };
}

const CHANGES = [
  change({ kind: 'status-changed', at: at('2025-05-14T09:30:00'), status: 'not-taken-forward', rationale: 'Findes allerede\ni Aktiv Ishøj', by: 'Lone' }),
  change({ boardId: 'board-0002', boardTitle: 'Medarbejderne', at: at('2025-05-13T08:00:00'), text: 'Motion for ældre', by: null }),
  change({ kind: 'initiative-saved', at: at('2025-05-15T14:05:00'), id: 'init-0001', text: 'Kyststien', by: 'Lone' }),
  change({}),
];

const COUNTS: OverviewCounts = {
  total: 6,
  phasePrinciple: {},
  track: {},
  beacon: {},
  contributorType: {},
  status: { new: 2, selected: 2, 'not-taken-forward': 2 },
};

describe('the coordinator\u2019s status report', () => {
  it('groups changes by board, the board with the latest change first, newest first within', () => {
    const groups = groupChanges(CHANGES);
    expect(groups.map((g) => g.boardTitle)).toEqual(['Rådene', 'Medarbejderne']);
    expect(groups[0]!.changes.map((c) => c.kind)).toEqual(['initiative-saved', 'status-changed', 'idea-added']);
  });

  it('writes a plain text to paste into a report to the committee, in Danish and English', () => {
    const input = {
      since: at('2025-05-01T00:00:00'),
      generatedAt: at('2025-05-20T10:00:00'),
      boards: [
        { boardId: 'board-0001', title: 'Rådene', template: 'kickoff', createdAt: 0, ideaCount: 3, call: null, pending: 0 },
        { boardId: 'board-0002', title: 'Medarbejderne', template: 'staff', createdAt: 0, ideaCount: 3, call: null, pending: 0 },
      ],
      counts: COUNTS,
      changes: CHANGES,
      filters: ['Status: Udvalgt'],
    };
    const text = reportText(t('da'), 'da', input);
    const lines = text.split('\n');
    expect(lines[0]).toBe('Samskab – status siden 1. maj 2025');
    expect(lines[1]).toMatch(/^Udtrukket 20\. maj 2025.*10[.:]00 \(dansk tid\)$/);
    expect(text).toContain('Filtre: Status: Udvalgt');
    expect(text).toContain('Idéer i alt: 6 idéer på 2 tavler');
    expect(text).toContain('Efter status: Ny 2, Overvejes 0, Udvalgt 2, Sat i gang 0, Realiseret 0, Ikke videreført 2');
    expect(text).toContain('Ændringer siden 1. maj 2025 (4)');
    expect(text).toContain('Rådene (3 ændringer)');
    expect(text).toContain('Medarbejderne (1 ændring)');
    expect(text).toMatch(/- 14\. maj 2025.*09[.:]30 · Ny status: Ikke videreført: “Sti langs stranden” \(af Lone\)\n {2}Begrundelse: Findes allerede i Aktiv Ishøj\n/);
    expect(text).toContain('· Initiativ gemt: “Kyststien” (af Lone)');
    // Anonymous: no "by".
    expect(text).toMatch(/Ny idé: “Motion for ældre”\n/);
    expect(text.indexOf('Rådene (')).toBeLessThan(text.indexOf('Medarbejderne ('));

    const english = reportText(t('en'), 'en', { ...input, changes: [], filters: [] });
    expect(english).toContain('Samskab – status since 1 May 2025');
    expect(english).toContain('Ideas in total: 6 ideas on 2 boards');
    expect(english).toContain('No changes in the period.');
    expect(english).not.toContain('Filters:');
  });

  it('starts "since" at midnight Copenhagen time, summer and winter', () => {
    expect(sinceOf('2025-05-01')).toBe(Date.parse('2025-04-30T22:00:00Z'));
    expect(sinceOf('2025-01-15')).toBe(Date.parse('2025-01-14T23:00:00Z'));
    expect(sinceOf('2025-02-30')).toBeNull();
    expect(sinceOf('')).toBeNull();
  });
});
