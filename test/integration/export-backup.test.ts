import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ErrorCode, readIdeas, readWorkshop, type CreateBoardResponse, type Idea, type MyVotes } from '../../shared';
import { compareIdeas } from '../../server/export/snapshot';
import { call, ok, workshopEnv, type WorkshopEnv } from '../support/workshop';
import { docFromBackup, fetchExport, restore, seedBoard, sessionWith, type SeededBoard } from './export-helpers';

const redisUrl = inject('redisUrl');

type Backup = Record<string, unknown> & {
  exportedAt: string;
  board: { id: string; createdAt: number; template: string; title: string };
  document: { encoding: string; update: string };
  view: { workshop: { joinCode: string }; ideas: Idea[] } & Record<string, unknown>;
  store: Record<string, unknown>;
};

/**
 * What must differ between a backup and the backup of its restored copy (documented in
 * docs/PROTOCOL.md "Exports"): the new board's id and creation time, the time of the
 * export, the join code (unique per installation), and the document's bytes (the restored
 * document holds the original's state plus the server's write of the new join code).
 */
function withoutChangingFields(backup: Backup): unknown {
  const copy = structuredClone(backup) as Backup;
  const blank = '<changes>';
  copy.exportedAt = blank;
  copy.board.id = blank;
  (copy.board as { createdAt: unknown }).createdAt = blank;
  copy.document.update = blank;
  copy.view.workshop.joinCode = blank;
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
    expect(backup).toMatchObject({ format: 'samskab-board-backup', formatVersion: 1, protocolVersion: 1 });
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

  test('export → restore → export gives the same JSON except the documented fields; the copy works as a board', async () => {
    const first = await backupOf(seeded.board.boardId, seeded.lead.sessionToken);
    const restored = await restore(env.url, first.raw);
    expect(restored.status).toBe(201);
    if (!restored.body.ok) throw new Error(restored.body.error.message);
    const copy: CreateBoardResponse = restored.body.data;
    expect(copy.boardId).not.toBe(seeded.board.boardId);
    expect(copy.title).toBe('Kick-off workshop med rådene');
    expect(copy.links.facilitator).toBe(`${env.url}/b/${copy.boardId}#k=${copy.tokens.facilitator}`);
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
    expect(second.backup.view.workshop.joinCode).not.toBe(first.backup.view.workshop.joinCode);
    expect(second.backup.view.workshop.joinCode).toMatch(/^[ACDEFGHJKMNPQRTUVWXY34679]{6}$/);
    // The copy's document contains everything the original's did.
    const original = docFromBackup(first.backup);
    const copied = docFromBackup(second.backup);
    const before = Y.decodeStateVector(Y.encodeStateVector(original));
    const after = Y.decodeStateVector(Y.encodeStateVector(copied));
    for (const [client, clock] of before) expect(after.get(client)).toBe(clock);
    expect(after.size).toBe(before.size + 1); // the new board's server wrote the join code (one struct)
    expect([...after].filter(([client]) => !before.has(client)).map(([, clock]) => clock)).toEqual([1]);
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
      [JSON.stringify({ ...backup, formatVersion: 2 }), ErrorCode.VALIDATION_FAILED],
      [JSON.stringify({ ...backup, extra: true }), ErrorCode.VALIDATION_FAILED],
      [JSON.stringify({ ...backup, store: { ...backup.store, votes: [{ participantId: 'p', scope: '', ideaId: 'abcdefgh', count: 0 }] } }), ErrorCode.VALIDATION_FAILED],
      ['{"format":', ErrorCode.BAD_REQUEST],
    ] as const) {
      const res = await restore(env.url, body);
      expect(res.body.ok, code).toBe(false);
      expect(res.status).toBe(400);
      if (!res.body.ok) expect(res.body.error.code).toBe(code);
    }
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
