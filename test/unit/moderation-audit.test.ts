import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../shared';
import { auditChanges, auditFiltersProblem, auditMatches, auditQuery, auditView } from '../../client/moderation/audit-format';
import { csvFileName } from '../../client/moderation/audit-export';
import { noAuditFilters } from '../../client/moderation/slices/audit';

const entry = (over: Partial<AuditEntry> = {}): AuditEntry => ({
  id: 'audit0001',
  at: Date.parse('2025-06-01T10:00:00Z'),
  actor: { participantId: 'fac00001', name: 'Mette', role: 'facilitator' },
  action: 'contribution.approve',
  target: { kind: 'contribution', id: 'contrib01' },
  before: { text: 'Bænke ved søen', phase: null, position: 'a0' },
  after: { text: 'Flere bænke ved Ishøj Sø', phase: 2, position: 'a1' },
  reason: null,
  ...over,
});

describe('audit log helpers', () => {
  it('shows what changed, in a readable order, without bookkeeping fields', () => {
    expect(auditChanges(entry().before, entry().after)).toEqual([
      { field: 'text', before: 'Bænke ved søen', after: 'Flere bænke ved Ishøj Sø' },
      { field: 'phase', before: null, after: 2 },
    ]);
    expect(auditView(entry().before, entry().after)).toEqual({ kind: 'diff', changes: auditChanges(entry().before, entry().after) });
    // Received: nothing before, the fields it came with after (empty ones left out).
    expect(auditView(null, { id: 'x', text: 'Ny idé', track: 'outward', device: null })).toEqual({
      kind: 'sides',
      before: null,
      after: [
        { field: 'text', value: 'Ny idé' },
        { field: 'track', value: 'outward' },
      ],
    });
    // Rejected: off the board is not "emptied": the side there is, and a dash for the other.
    expect(auditView({ text: 'Køb solbriller' }, null)).toEqual({ kind: 'sides', before: [{ field: 'text', value: 'Køb solbriller' }], after: null });
    expect(auditView(null, null)).toEqual({ kind: 'none' });
    expect(auditView({ text: 'a' }, { text: 'a' })).toEqual({ kind: 'none' });
    expect(auditChanges('skjult', 'synlig')).toEqual([{ field: null, before: 'skjult', after: 'synlig' }]);
    expect(auditChanges('samme', 'samme')).toEqual([]);
    expect(auditChanges(null, null)).toEqual([]);
  });

  it('matches free text over the target, case-insensitively and with æ/ø/å', () => {
    expect(auditMatches(entry(), 'ISHØJ SØ')).toBe(true);
    expect(auditMatches(entry(), 'contrib01')).toBe(true);
    expect(auditMatches(entry(), 'bænke')).toBe(true);
    expect(auditMatches(entry(), 'cykelsti')).toBe(false);
    expect(auditMatches(entry(), '  ')).toBe(true);
  });

  it('turns the filters into a query over whole Copenhagen days', () => {
    expect(auditQuery(noAuditFilters)).toEqual({});
    expect(auditQuery({ action: 'idea.hide', from: '2025-06-01', to: '2025-06-02', text: 'x' })).toEqual({
      action: 'idea.hide',
      since: Date.parse('2025-05-31T22:00:00Z'),
      until: Date.parse('2025-06-02T22:00:00Z') - 1,
    });
    expect(auditQuery({ ...noAuditFilters, action: 'not-an-action' })).toEqual({});
    expect(auditFiltersProblem({ ...noAuditFilters, from: '2025-06-02', to: '2025-06-01' })).toBe('range');
    expect(auditFiltersProblem({ ...noAuditFilters, from: '2025-06-01', to: '2025-06-01' })).toBeNull();
  });

  it('names the CSV file as the server says, or after the board and the day', () => {
    expect(csvFileName('attachment; filename="log.csv"', 'board1', 0)).toBe('log.csv');
    expect(csvFileName("attachment; filename*=UTF-8''samskab-%C3%A6%C3%B8%C3%A5.csv", 'board1', 0)).toBe('samskab-æøå.csv');
    expect(csvFileName(null, 'board1', Date.parse('2025-06-01T23:30:00Z'))).toBe('samskab-log-board1-2025-06-02.csv');
  });
});
