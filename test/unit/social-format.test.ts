import { describe, expect, it } from 'vitest';
import type { Comment, Identity } from '../../shared';
import {
  commentPermissions,
  formatWhen,
  pendingFor,
  rationaleRequired,
  reactionCounts,
  reasonLabel,
  reasonProblem,
  reasonValue,
  STATUS_GLYPHS,
} from '../../client/comments/social-format';
import { IDEA_STATUSES } from '../../shared';

const identity = (role: Identity['role'], participantId = 'me-000001'): Identity => ({
  boardId: 'board-0001',
  participantId,
  role,
  displayName: null,
  contributorType: null,
  organisation: null,
});

const comment = (id: string, ideaId: string, authorId = 'someone-01'): Comment => ({
  id,
  ideaId,
  text: 'Tekst',
  authorId,
  authorName: null,
  contributorType: null,
  createdAt: 1,
  editedAt: null,
});

describe('reasons', () => {
  it('sends a listed reason as its key and "other" as the typed text', () => {
    expect(reasonValue({ choice: 'spam', other: 'ignored' })).toBe('spam');
    expect(reasonValue({ choice: 'other', other: '  Reklame for en butik ' })).toBe('Reklame for en butik');
    expect(reasonValue({ choice: 'other', other: '   ' })).toBeNull();
    expect(reasonValue({ choice: null, other: '' })).toBeNull();
  });

  it('says what is missing', () => {
    expect(reasonProblem({ choice: null, other: '' }, true)).toBe('required');
    expect(reasonProblem({ choice: null, other: '' }, false)).toBeNull();
    expect(reasonProblem({ choice: 'other', other: ' ' }, false)).toBe('other-required');
    expect(reasonProblem({ choice: 'offensive', other: '' }, true)).toBeNull();
  });

  it('translates listed reasons and shows free text as typed', () => {
    const translate = (key: string) => `T:${key}`;
    expect(reasonLabel('duplicate', translate)).toBe('T:duplicate');
    expect(reasonLabel('Nævner en navngiven nabo', translate)).toBe('Nævner en navngiven nabo');
    // "other" on its own is not a reason a person typed: shown as stored.
    expect(reasonLabel('other', translate)).toBe('other');
  });
});

describe('reactionCounts', () => {
  it('lists every reaction in order with counts and whether I reacted', () => {
    const counts = reactionCounts({ love: new Set(['me-000001', 'you-000001']), question: new Set(['you-000001']) }, 'me-000001');
    expect(counts.map((c) => [c.reaction, c.count, c.mine])).toEqual([
      ['support', 0, false],
      ['love', 2, true],
      ['insight', 0, false],
      ['question', 1, false],
    ]);
    expect(reactionCounts(undefined, null).every((c) => c.count === 0 && !c.mine)).toBe(true);
  });
});

describe('pendingFor', () => {
  it('keeps this idea’s pending comments until they are published', () => {
    const pending = [comment('c-00000001', 'idea-0001'), comment('c-00000002', 'idea-0002'), comment('c-00000003', 'idea-0001')];
    expect(pendingFor(pending, 'idea-0001', undefined).map((c) => c.id)).toEqual(['c-00000001', 'c-00000003']);
    expect(pendingFor(pending, 'idea-0001', [comment('c-00000001', 'idea-0001')]).map((c) => c.id)).toEqual(['c-00000003']);
  });
});

describe('commentPermissions', () => {
  it('mirrors the server: authors and facilitators delete, facilitators hide, others report', () => {
    const mine = comment('c-00000001', 'idea-0001', 'me-000001');
    const theirs = comment('c-00000002', 'idea-0001', 'you-000001');
    expect(commentPermissions(identity('participant'), mine)).toEqual({ delete: true, hide: false, report: false });
    expect(commentPermissions(identity('participant'), theirs)).toEqual({ delete: false, hide: false, report: true });
    expect(commentPermissions(identity('facilitator'), theirs)).toEqual({ delete: true, hide: true, report: false });
    expect(commentPermissions(identity('observer'), theirs)).toEqual({ delete: false, hide: false, report: false });
    expect(commentPermissions(null, theirs)).toEqual({ delete: false, hide: false, report: false });
  });
});

describe('status', () => {
  it('asks for a rationale only when an idea is not taken forward', () => {
    expect(IDEA_STATUSES.filter(rationaleRequired)).toEqual(['not-taken-forward']);
  });

  it('has a distinct glyph for every status (not colour alone)', () => {
    const glyphs = IDEA_STATUSES.map((s) => STATUS_GLYPHS[s]);
    expect(new Set(glyphs).size).toBe(IDEA_STATUSES.length);
  });
});

describe('formatWhen', () => {
  const now = Date.UTC(2024, 4, 29, 15, 0);
  it('says "just now", minutes and hours ago, then a Copenhagen date', () => {
    expect(formatWhen(now - 20_000, now, 'da', 'lige nu')).toBe('lige nu');
    expect(formatWhen(now + 20_000, now, 'en', 'just now')).toBe('just now');
    expect(formatWhen(now - 12 * 60_000, now, 'en', 'just now')).toBe('12 minutes ago');
    expect(formatWhen(now - 3 * 3_600_000, now, 'da', 'lige nu')).toBe('for 3 timer siden');
    // 29 May 2024 15:00 UTC is 17:00 in Copenhagen (summer time).
    expect(formatWhen(now - 2 * 86_400_000, now, 'en', 'just now')).toMatch(/27 May 2024.*17:00/);
  });
});
