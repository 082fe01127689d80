import { describe, expect, it } from 'vitest';
import type { Actor, AuditEntry, HiddenIdea, Idea, QueueItem } from '../../shared';
import { AuditLog } from '../../server/moderation/audit';
import { Records } from '../../server/core/records';
import { SPACE } from '../../server/core/record-spaces';
import type { BoardStore } from '../../server/store/board-store';
import { moderationBackupSchema, moderationRecords, type ModerationBackup } from '../../server/export/moderation-backup';

const lead: Actor = { participantId: 'lead-participant', name: 'Lead', role: 'facilitator' };
const idea: Idea = {
  id: 'idea-aaaa-1',
  text: 'Bænke ved søen',
  authorId: 'author-participant',
  authorName: 'Ane',
  contributorType: 'citizen',
  organisation: null,
  createdAt: 1_716_994_800_000,
  updatedAt: 1_716_994_800_000,
  phase: 1,
  principle: 1,
  track: null,
  beacons: [],
  questionId: null,
  position: 'a0',
  clusterId: null,
};
const report: QueueItem = {
  kind: 'report',
  id: 'rep_abcdefghijklmnop',
  createdAt: 1_716_994_900_000,
  state: 'pending',
  decision: null,
  target: { kind: 'idea', id: idea.id },
  excerpt: idea.text,
  reason: 'offensive',
  reporterId: 'reporter-participant',
};
const hidden: HiddenIdea = { idea, reason: 'personal-data', hiddenBy: lead, hiddenAt: 1_716_995_000_000 };

/** A store that only remembers what was put, as the audit log and restore write it. */
function recordingStore(): { store: BoardStore; puts: Array<{ space: string; key: string; value: string }> } {
  const puts: Array<{ space: string; key: string; value: string }> = [];
  const store = {
    putRecord: (space: string, key: string, value: string) => {
      puts.push({ space, key, value });
      return Promise.resolve();
    },
  } as unknown as BoardStore;
  return { store, puts };
}

describe('the moderation state in a backup', () => {
  it('writes each record where, and under the key, the moderation code does', async () => {
    const { store, puts } = recordingStore();
    const entry: AuditEntry = await new AuditLog(new Records(store)).write('original-board', {
      actor: lead,
      action: 'idea.hide',
      target: { kind: 'idea', id: idea.id },
      before: { text: idea.text },
      after: null,
      reason: 'personal-data',
      at: 1_716_995_000_000,
    });
    const backup: ModerationBackup = {
      queue: [report],
      hidden: [hidden],
      revisions: [{ ideaId: idea.id, revisions: [{ at: 1, by: lead, before: 'a', after: 'b', reason: null }] }],
      audit: [entry],
    };
    const writes = moderationRecords('new-board', backup);
    expect(writes.map(({ space, key }) => [space, key])).toEqual([
      [SPACE.queue('new-board'), report.id],
      [SPACE.hidden('new-board'), idea.id],
      [SPACE.revisions('new-board'), idea.id],
      [SPACE.audit('new-board'), puts[0]!.key],
    ]);
    expect(JSON.parse(writes[3]!.value)).toEqual(entry);
    // Never into the contacts (e-mail) space, nor anything of the original board.
    expect(writes.some((w) => w.space.startsWith('contacts:') || w.space.includes('original-board'))).toBe(false);
  });

  it('accepts only what the shared schemas accept, with unique ids', () => {
    const valid: ModerationBackup = { queue: [report], hidden: [hidden], revisions: [], audit: [] };
    expect(moderationBackupSchema.safeParse(valid).success).toBe(true);
    for (const bad of [
      { ...valid, queue: [report, report] },
      { ...valid, hidden: [hidden, hidden] },
      { ...valid, queue: [{ ...report, reason: '' }] },
      { ...valid, hidden: [{ ...hidden, hiddenBy: { ...lead, role: 'root' } }] },
      { ...valid, contacts: [] },
      { queue: [], hidden: [] },
    ]) {
      expect(moderationBackupSchema.safeParse(bad).success).toBe(false);
    }
  });
});
