import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  ErrorCode,
  readIdeas,
  readInitiatives,
  readStatuses,
  readWorkshop,
  type AuditEntry,
  type AuditResult,
  type CreateBoardResponse,
  type HiddenIdea,
  type HiddenIdeasResult,
  type Idea,
  type MyVotes,
  type QueueItem,
  type QueueResult,
  type Revision,
} from '../../shared';
import { SPACE } from '../../server/core/record-spaces';
import { compareIdeas } from '../../server/export/snapshot';
import { eventually } from '../support/harness';
import { call, ok, workshopEnv, type WorkshopEnv } from '../support/workshop';
import { EDITED_TEXT, docFromBackup, fetchExport, restore, seedBoard, sessionWith, type SeededBoard } from './export-helpers';

const redisUrl = inject('redisUrl');

interface Moderation {
  queue: QueueItem[];
  hidden: HiddenIdea[];
  revisions: Array<{ ideaId: string; revisions: Revision[] }>;
  audit: AuditEntry[];
}

type Backup = Record<string, unknown> & {
  exportedAt: string;
  board: { id: string; createdAt: number; template: string; title: string };
  document: { encoding: string; update: string };
  view: { workshop: { joinCode: string }; ideas: Idea[]; settings: { call: unknown } } & Record<string, unknown>;
  store: Record<string, unknown> & { moderation: Moderation };
};

/**
 * What must differ between a backup and the backup of its restored copy (documented in
 * docs/PROTOCOL.md "Exports"): the new board's id and creation time, the time of the
 * export, the join code (unique per installation), the public call (a copy starts without
 * one: the link belongs to the original board), and the document's bytes (the restored
 * document holds the original's state plus the server's write of the new join code and of
 * the call's removal).
 */
function withoutChangingFields(backup: Backup): unknown {
  const copy = structuredClone(backup) as Backup;
  const blank = '<changes>';
  copy.exportedAt = blank;
  copy.board.id = blank;
  (copy.board as { createdAt: unknown }).createdAt = blank;
  copy.document.update = blank;
  copy.view.workshop.joinCode = blank;
  copy.view.settings.call = blank;
  return copy;
}

describe.each(['embedded', 'redis'] as const)('JSON backup and restore on the %s store', (kind) => {
  let env: WorkshopEnv;
  let seeded: SeededBoard;
  beforeAll(async () => {
    if (kind === 'redis' && !redisUrl) return;
    env = await workshopEnv(kind, redisUrl);
    seeded = await seedBoard(env);
  });
  afterAll(() => env?.close());
  const test = it.skipIf(kind === 'redis' && !redisUrl);

  async function backupOf(boardId: string, sessionToken: string): Promise<{ raw: Buffer; backup: Backup }> {
    const res = await fetchExport(env.url, boardId, 'json', sessionToken);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/\.json"$/);
    return { raw: res.body, backup: JSON.parse(res.text()) as Backup };
  }

  test('backs up the document, the readable view, hidden ideas and every participant’s votes, without secrets', async () => {
    const { raw, backup } = await backupOf(seeded.board.boardId, seeded.lead.sessionToken);
    expect(backup).toMatchObject({ format: 'samskab-board-backup', formatVersion: 2, protocolVersion: 1 });
    expect(backup.board).toEqual({ id: seeded.board.boardId, createdAt: expect.any(Number), template: 'kickoff', title: 'Kick-off workshop med rådene' });
    expect(backup.document.encoding).toBe('yjs-update-v1+base64');
    // No token or token hash anywhere.
    const text = raw.toString('utf8');
    expect(text).not.toContain('tokenHashes');
    for (const token of Object.values(seeded.board.tokens)) expect(text).not.toContain(token);
    expect(text).not.toContain(seeded.lead.sessionToken);

    const expected = Object.values(seeded.ideas).sort(compareIdeas);
    expect(backup.view.ideas).toEqual(expected);
    expect(readIdeas(docFromBackup(backup)).sort(compareIdeas)).toEqual(expected);
    expect(backup.view).toMatchObject({
      settings: { title: 'Kick-off workshop med rådene', beacons: seeded.beacons },
      workshop: { silent: true, votesRevealed: true, steps: { 'kickoff-q1': 'vote' } },
      clusters: [{ name: seeded.clusterName, questionId: 'kickoff-q1' }],
      voteTotals: { [seeded.ideas.danish!.id]: 3, [seeded.ideas.quotes!.id]: 1, [seeded.ideas.dupe1!.id]: 1, [seeded.ideas.formula!.id]: 1 },
    });
    expect((backup.view.history as Record<string, { originals: unknown[] }>)[seeded.ideas.dupe1!.id]!.originals).toHaveLength(2);
    expect(backup.store).toMatchObject({ hiddenIdeas: seeded.hidden, voteTotals: backup.view.voteTotals });
    const ballots = backup.store.votes as Array<{ participantId: string; ideaId: string; count: number }>;
    expect(ballots.reduce((sum, b) => sum + b.count, 0)).toBe(6);
    expect(ballots.find((b) => b.participantId === seeded.participant.identity.participantId && b.ideaId === seeded.ideas.danish!.id)).toMatchObject({ scope: 'kickoff-q1', count: 2 });
  });

  test('backs up statuses, initiatives, comments, reactions and the moderation state, but never contributors’ e-mail', async () => {
    const { raw, backup } = await backupOf(seeded.board.boardId, seeded.lead.sessionToken);
    const { lifecycle, ideas } = seeded;
    const doc = docFromBackup(backup);
    // The readable view says what the document holds.
    const statuses = backup.view.statuses as Record<string, { current: { status: string; rationale: string | null }; history: unknown[] }>;
    expect(Object.keys(statuses)).toEqual([ideas.danish!.id, ideas.quotes!.id, ideas.formula!.id, ideas.newlines!.id].sort());
    expect(statuses[ideas.danish!.id]!.history.map((h) => (h as { status: string }).status)).toEqual(['selected', 'started']);
    expect(statuses[ideas.quotes!.id]!.current).toMatchObject({ status: 'not-taken-forward', rationale: lifecycle.rejection, by: { name: 'Lead', role: 'facilitator' } });
    expect(Object.fromEntries(readStatuses(doc))).toEqual(statuses);
    expect(backup.view.initiatives).toEqual(lifecycle.initiatives);
    expect(readInitiatives(doc)).toEqual(lifecycle.initiatives);
    expect((backup.view.comments as Array<{ id: string }>).map((c) => c.id)).toEqual(['comment-lead-1', 'comment-ane-1']);
    const participants = [seeded.participant.identity.participantId];
    expect((backup.view.reactions as Record<string, Record<string, string[]>>)[ideas.danish!.id]).toEqual({
      support: expect.arrayContaining(participants) as string[],
      love: [expect.any(String)],
    });
    expect(backup.view.removed).toEqual({ [lifecycle.moderatorHidden.idea.id]: 'hidden' });

    // The store's moderation records.
    const { queue, hidden, revisions, audit } = backup.store.moderation;
    // Published comments keep their (approved) queue item, for the audit trail.
    expect(queue.map((item) => [item.kind, item.state])).toEqual([
      ['comment', 'approved'],
      ['comment', 'approved'],
      ['report', 'pending'],
      ['contribution', 'pending'],
      ['comment', 'pending'],
    ]);
    expect(queue.find((item) => item.kind === 'contribution')).toMatchObject({ id: lifecycle.contributionId, idea: { text: 'Bidrag om Strandparken', authorName: 'Karen' } });
    expect(hidden).toEqual([lifecycle.moderatorHidden]);
    expect(revisions).toEqual([{ ideaId: ideas.edited!.id, revisions: [expect.objectContaining({ before: 'Legeplads ved skolen, spørg Jens Hansen', after: EDITED_TEXT, reason: 'personal-data' })] }]);
    expect(audit.map((entry) => entry.action)).toEqual(['idea.edit', 'idea.hide', 'call.configure', 'contribution.received']);
    expect(audit.map((entry) => entry.at)).toEqual([...audit.map((entry) => entry.at)].sort((a, b) => a - b));
    // The e-mail stays on the board it was given to (the contacts records), never in a backup.
    expect((await env.store.listRecords(SPACE.contacts(seeded.board.boardId))).map((r) => r.key)).toEqual([lifecycle.contributionId]);
    expect(raw.toString('utf8')).not.toContain(lifecycle.email);
    expect(raw.toString('utf8')).not.toContain('consentAt');
  });

  test('export → restore → export gives the same JSON except the documented fields; the copy works as a board', async () => {
    const first = await backupOf(seeded.board.boardId, seeded.lead.sessionToken);
    const restored = await restore(env.url, first.raw);
    expect(restored.status).toBe(201);
    if (!restored.body.ok) throw new Error(restored.body.error.message);
    const copy: CreateBoardResponse = restored.body.data;
    expect(copy.boardId).not.toBe(seeded.board.boardId);
    expect(copy.title).toBe('Kick-off workshop med rådene');
    // Without PUBLIC_URL the links are relative: never built from the request's Host.
    expect(copy.links.facilitator).toBe(`/b/${copy.boardId}#k=${copy.tokens.facilitator}`);
    for (const role of ['facilitator', 'participant', 'observer'] as const) expect(copy.tokens[role]).not.toBe(seeded.board.tokens[role]);
    // The old links do not open the copy.
    const refused = await fetch(`${env.url}/api/boards/${copy.boardId}/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: seeded.board.tokens.facilitator }),
    });
    expect(refused.status).toBe(403);

    const lead = await sessionWith(env, copy, 'facilitator', { displayName: 'Lead 2' });
    const second = await backupOf(copy.boardId, lead.sessionToken);
    // Every Yjs client id of the copy is claimed: the original's for nobody's sessions, the
    // one that wrote the join code and the loaded room's own for the server.
    const docName = `board:${copy.boardId}`;
    const claims = async (doc: Y.Doc) =>
      Promise.all([...Y.decodeStateVector(Y.encodeStateVector(doc)).keys()].map((client) => env.store.claimClientId(docName, client, 'probe')));
    expect(new Set(await claims(docFromBackup(first.backup)))).toEqual(new Set(['restored']));
    expect(new Set(await claims(docFromBackup(second.backup)))).toEqual(new Set(['restored', 'server']));
    const room = env.server.rooms.peek(copy.boardId)!;
    expect(await env.store.claimClientId(docName, room.doc.clientID, 'probe')).toBe('server');
    expect(withoutChangingFields(second.backup)).toEqual(withoutChangingFields(first.backup));
    // …and exactly those differ.
    expect(second.backup.board.id).toBe(copy.boardId);
    expect(first.backup.view.settings.call).toMatchObject({ enabled: true, moderation: 'pre' });
    expect(second.backup.view.settings.call).toBeNull();
    expect(second.backup.store.moderation.queue).toHaveLength(5);
    expect(second.backup.view.workshop.joinCode).not.toBe(first.backup.view.workshop.joinCode);
    expect(second.backup.view.workshop.joinCode).toMatch(/^[ACDEFGHJKMNPQRTUVWXY34679]{6}$/);
    // The copy's document contains everything the original's did.
    const original = docFromBackup(first.backup);
    const copied = docFromBackup(second.backup);
    const before = Y.decodeStateVector(Y.encodeStateVector(original));
    const after = Y.decodeStateVector(Y.encodeStateVector(copied));
    for (const [client, clock] of before) expect(after.get(client)).toBe(clock);
    expect(after.size).toBe(before.size + 1); // the new board's server wrote the join code and dropped the call
    expect([...after].filter(([client]) => !before.has(client)).map(([, clock]) => clock)).toEqual([2]);
    expect(readWorkshop(copied).joinCode).toBe(second.backup.view.workshop.joinCode);

    // A y-websocket client on the copy sees the same ideas.
    const viewer = await env.yjs(await sessionWith(env, copy, 'participant', { displayName: 'Viewer' }));
    expect(readIdeas(viewer.doc).sort(compareIdeas)).toEqual(Object.values(seeded.ideas).sort(compareIdeas));
    // Hidden ideas and votes work on the copy: the author's ballots are there, the facilitator sees the hidden idea.
    const leadSocket = await env.socket(lead);
    const hidden = await ok(call<{ ideas: Idea[] }>(leadSocket, 'ideas:hidden'));
    expect(hidden.ideas).toEqual(seeded.hidden);
    const voter = await sessionWith(env, copy, 'participant', { displayName: 'Ny' });
    const voterSocket = await env.socket(voter);
    const mine = await ok(call<MyVotes>(voterSocket, 'vote:cast', { ideaId: seeded.ideas.danish!.id }));
    expect(mine.remaining).toBe(4);
    expect((await fetchExport(env.url, copy.boardId, 'csv', lead.sessionToken)).text()).toContain('Flere bænke ved Ishøj Strand');

    // The moderation state works on the copy, under its own id: the queue, the hidden idea
    // (which can be put back), the moderator's edits, the audit log; statuses for everyone.
    const { lifecycle, ideas } = seeded;
    const queue = await ok(call<QueueResult>(leadSocket, 'moderation:queue', { state: 'all' }));
    expect(queue.items).toEqual(first.backup.store.moderation.queue);
    expect(queue.counts).toEqual({ pending: 3, hidden: 1 });
    expect((await ok(call<HiddenIdeasResult>(leadSocket, 'moderation:hidden'))).ideas).toEqual([lifecycle.moderatorHidden]);
    const revisions = await ok(call<{ revisions: Revision[] }>(leadSocket, 'idea:revisions', { ideaId: ideas.edited!.id }));
    expect(revisions.revisions).toEqual(first.backup.store.moderation.revisions[0]!.revisions);
    const log = await ok(call<AuditResult>(leadSocket, 'audit:list', {}));
    expect(log.entries).toEqual([...first.backup.store.moderation.audit].reverse());
    expect(readStatuses(viewer.doc).get(ideas.quotes!.id)?.current.rationale).toBe(lifecycle.rejection);
    expect(await env.store.listRecords(SPACE.contacts(copy.boardId))).toEqual([]);
    await ok(call(leadSocket, 'idea:restore', { ideaId: lifecycle.moderatorHidden.idea.id }));
    await eventually(() => readIdeas(viewer.doc).some((idea) => idea.id === lifecycle.moderatorHidden.idea.id), 10_000, 'the hidden idea is back on the copy');
    // The original board's moderation state is untouched.
    const originalLead = await env.socket(seeded.lead);
    expect((await ok(call<HiddenIdeasResult>(originalLead, 'moderation:hidden'))).ideas).toEqual([lifecycle.moderatorHidden]);
  });

  test('refuses backups that are not a Samskab board, and creates nothing for them', async () => {
    const { backup } = await backupOf(seeded.board.boardId, seeded.lead.sessionToken);
    const withDoc = (doc: Y.Doc) => JSON.stringify({ ...backup, document: { ...backup.document, update: Buffer.from(Y.encodeStateAsUpdate(doc)).toString('base64') } });

    const foreignRoot = docFromBackup(backup);
    foreignRoot.getMap('secret').set('x', 1);
    const listRoot = docFromBackup(backup);
    listRoot.getArray('ideas').insert(0, ['x']);
    const nested = docFromBackup(backup);
    nested.getMap('board').set('title', new Y.Map());
    const badIdea = docFromBackup(backup);
    badIdea.getMap<Y.Map<unknown>>('ideas').values().next().value!.set('text', '   ');
    const unknownField = docFromBackup(backup);
    unknownField.getMap<Y.Map<unknown>>('ideas').values().next().value!.set('evil', 'x');
    const badWorkshop = docFromBackup(backup);
    badWorkshop.getMap('workshop').set('locked', 'yes');

    for (const [body, code] of [
      [withDoc(foreignRoot), ErrorCode.INVALID_UPDATE],
      [withDoc(listRoot), ErrorCode.INVALID_UPDATE],
      [withDoc(nested), ErrorCode.INVALID_UPDATE],
      [withDoc(badIdea), ErrorCode.INVALID_UPDATE],
      [withDoc(unknownField), ErrorCode.INVALID_UPDATE],
      [withDoc(badWorkshop), ErrorCode.INVALID_UPDATE],
      [JSON.stringify({ ...backup, document: { ...backup.document, update: Buffer.from('not yjs at all').toString('base64') } }), ErrorCode.INVALID_UPDATE],
      [JSON.stringify({ ...backup, formatVersion: 3 }), ErrorCode.VALIDATION_FAILED],
      [JSON.stringify({ ...backup, extra: true }), ErrorCode.VALIDATION_FAILED],
      [JSON.stringify({ ...backup, store: { ...backup.store, votes: [{ participantId: 'p', scope: '', ideaId: 'abcdefgh', count: 0 }] } }), ErrorCode.VALIDATION_FAILED],
      ['{"format":', ErrorCode.BAD_REQUEST],
      // The moderation records are checked with the schemas the server reads them with.
      ...moderationTampered(backup).map((body) => [body, ErrorCode.VALIDATION_FAILED] as const),
    ] as const) {
      const res = await restore(env.url, body);
      expect(res.body.ok, code).toBe(false);
      expect(res.status).toBe(400);
      if (!res.body.ok) expect(res.body.error.code).toBe(code);
    }
  });

  test('still restores a version 1 backup (made before the moderation state was backed up), with an empty queue', async () => {
    const { backup } = await backupOf(seeded.board.boardId, seeded.lead.sessionToken);
    const { moderation: _moderation, ...store } = backup.store;
    const res = await restore(env.url, JSON.stringify({ ...backup, formatVersion: 1, store }));
    expect(res.status).toBe(201);
    if (!res.body.ok) throw new Error(res.body.error.message);
    const lead = await sessionWith(env, res.body.data, 'facilitator', { displayName: 'Lead 3' });
    const { backup: copy } = await backupOf(res.body.data.boardId, lead.sessionToken);
    expect(copy.formatVersion).toBe(2);
    expect(copy.store.moderation).toEqual({ queue: [], hidden: [], revisions: [], audit: [] });
    expect(copy.view.ideas).toEqual(backup.view.ideas);
  });

  test('accepts a backup larger than the API’s usual 64 KiB and refuses one over the restore limit', async () => {
    const { backup } = await backupOf(seeded.board.boardId, seeded.lead.sessionToken);
    const padded = JSON.stringify({ ...backup, view: { ...backup.view, padding: 'x'.repeat(200_000) } });
    expect((await restore(env.url, padded)).status).toBe(201);
    const huge = JSON.stringify({ ...backup, view: { padding: 'x'.repeat(33 * 1024 * 1024) } });
    const res = await restore(env.url, huge);
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ ok: false, error: { code: 'TOO_LARGE' } });
  });
});

/** Backups whose moderation records a server would never have written. */
function moderationTampered(backup: Backup): string[] {
  const m = backup.store.moderation;
  const withModeration = (moderation: Record<string, unknown>) => JSON.stringify({ ...backup, store: { ...backup.store, moderation } });
  const [first] = m.queue;
  const [entry] = m.audit;
  const [hidden] = m.hidden;
  return [
    // A version 2 backup without its moderation state, and a version 1 backup with one.
    JSON.stringify({ ...backup, store: { ...backup.store, moderation: undefined } }),
    JSON.stringify({ ...backup, formatVersion: 1 }),
    // E-mail addresses are never part of a backup, so a backup cannot bring any.
    withModeration({ ...m, contacts: [{ email: 'x@example.dk' }] }),
    withModeration({ ...m, queue: [{ ...first, kind: 'petition' }] }),
    withModeration({ ...m, queue: [{ ...first, state: 'maybe' }] }),
    withModeration({ ...m, queue: [{ ...first, extra: true }] }),
    withModeration({ ...m, queue: [first, first] }),
    withModeration({ ...m, hidden: [{ ...hidden, idea: { ...hidden!.idea, text: '   ' } }] }),
    withModeration({ ...m, hidden: [{ ...hidden, hiddenAt: -1 }] }),
    withModeration({ ...m, revisions: [{ ideaId: '../x', revisions: m.revisions[0]!.revisions }] }),
    withModeration({ ...m, revisions: [{ ideaId: m.revisions[0]!.ideaId, revisions: [] }] }),
    withModeration({ ...m, audit: [{ ...entry, action: 'board.delete' }] }),
    withModeration({ ...m, audit: [{ ...entry, actor: { participantId: 'x', name: null, role: 'admin' } }] }),
    withModeration({ ...m, audit: [entry, entry] }),
    withModeration({ ...m, audit: 'not a list' }),
  ];
}
