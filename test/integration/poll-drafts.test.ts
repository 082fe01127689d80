import * as Y from 'yjs';
import { expect } from 'vitest';
import { ErrorCode, POLL_LIMITS, pollsMap, readPoll, readPolls, type CreateBoardResponse, type Poll, type PollDrafts } from '../../shared';
import type { BoardStore } from '../../server/store/board-store';
import { eventually, storedDoc } from '../support/harness';
import { call, describeOnStores, docContains, ok, refusal, type TestSocket } from '../support/workshop';
import { fetchExport, restore } from './export-helpers';

const SECRET = 'Hemmeligt udkast om budgettet';

/** Whether any stored piece of a board's document (snapshot or logged update) holds `text`. */
async function storedBytesContain(store: BoardStore, boardId: string, text: string): Promise<boolean> {
  const stored = await store.loadDocument(`board:${boardId}`);
  const needle = Buffer.from(text, 'utf8');
  return [stored.snapshot, ...stored.updates].some((bytes) => bytes !== null && Buffer.from(bytes).includes(needle));
}

/** Every event a socket receives, as JSON, to search for what must never reach it. */
function recordEvents(socket: TestSocket): Array<{ event: string; payload: unknown; json: string }> {
  const seen: Array<{ event: string; payload: unknown; json: string }> = [];
  // The arguments after the payload are socket.io's recovery offsets.
  socket.onAny((event: string, ...args: unknown[]) => seen.push({ event, payload: args[0], json: JSON.stringify(args) }));
  return seen;
}

/** A draft poll as a server from before drafts left the document wrote it into the `polls` root. */
function legacyDraft(id: string, question: string): Poll {
  return { id, question, questionId: null, beaconId: null, state: 'draft', resultMode: 'hidden', revealed: false, live: false, inCall: false, createdAt: 1, updatedAt: 1, results: null, type: 'text' };
}

/** Writes polls into a stored document's `polls` root, as an update appended to its log. */
async function appendLegacyDrafts(store: BoardStore, boardId: string, drafts: Poll[]): Promise<void> {
  const doc = await storedDoc(store, boardId);
  const before = Y.encodeStateVector(doc);
  doc.transact(() => {
    for (const draft of drafts) pollsMap(doc).set(draft.id, draft);
  });
  await store.appendUpdate(`board:${boardId}`, Y.encodeStateAsUpdate(doc, before));
}

describeOnStores('draft polls on the %s store', (env, test) => {
  const drafts = async (socket: TestSocket) => (await ok(call<PollDrafts>(socket, 'poll:drafts'))).polls;

  test('a draft is in no participant\u2019s or projector\u2019s copy or event; every facilitator hears the drafts', async () => {
    const board = await env.board('kickoff');
    const lead = await env.socket(await env.session(board, 'facilitator', 'Lead'));
    const coLead = await env.socket(await env.session(board, 'facilitator', 'Co'));
    const ane = await env.session(board, 'participant', 'Ane');
    const projector = await env.session(board, 'observer');
    const [aneSocket, projectorSocket] = [await env.socket(ane), await env.socket(projector)];
    const [aneDoc, projectorDoc] = [await env.yjs(ane), await env.yjs(projector)];
    const [aneEvents, projectorEvents, coLeadEvents] = [recordEvents(aneSocket), recordEvents(projectorSocket), recordEvents(coLead)];

    expect(await refusal(call(aneSocket, 'poll:drafts'))).toBe(ErrorCode.FORBIDDEN);
    expect(await refusal(call(projectorSocket, 'poll:drafts'))).toBe(ErrorCode.FORBIDDEN);

    const draft = await ok(call<Poll>(lead, 'poll:create', { poll: { type: 'single', question: SECRET, options: [{ label: 'Ja' }, { label: 'Nej' }] } }));
    expect(draft.state).toBe('draft');
    await eventually(() => coLeadEvents.some((e) => e.event === 'poll:drafts' && e.json.includes(draft.id)), 10_000, 'the co-facilitator hears the new draft');
    const edited = await ok(call<Poll>(lead, 'poll:update', { pollId: draft.id, poll: { type: 'text', question: `${SECRET} (ny)`, inCall: true } }));
    expect(edited).toMatchObject({ id: draft.id, type: 'text', state: 'draft', inCall: true });
    await ok(call(lead, 'poll:reveal', { pollId: draft.id, revealed: false }));
    expect(await refusal(call(lead, 'poll:reveal', { pollId: draft.id, revealed: true }))).toBe(ErrorCode.POLL_NOT_OPEN);
    expect(await refusal(call(lead, 'poll:setLive', { pollId: draft.id }))).toBe(ErrorCode.POLL_NOT_OPEN);
    expect(await refusal(call(aneSocket, 'poll:answer', { pollId: draft.id, answer: { type: 'text', text: 'hej' } }))).toBe(ErrorCode.POLL_NOT_OPEN);
    expect((await drafts(coLead)).map((p) => [p.id, p.question])).toEqual([
      ['kickoff-poll-1', 'Hvad kan jeres råd bidrage med?'],
      ['kickoff-poll-2', 'Hvor godt kender du visionen?'],
      [draft.id, `${SECRET} (ny)`],
    ]);
    await ok(call(lead, 'poll:delete', { pollId: 'kickoff-poll-1' }));
    expect((await drafts(lead)).map((p) => p.id)).toEqual(['kickoff-poll-2', draft.id]);

    // Opening another poll is what reaches everyone; once it has, so would have the draft.
    await ok(call(lead, 'poll:open', { pollId: 'kickoff-poll-2' }));
    for (const copy of [aneDoc, projectorDoc]) await eventually(() => readPoll(copy.doc, 'kickoff-poll-2')?.state === 'open', 10_000, 'the opened poll arrives');
    for (const copy of [aneDoc, projectorDoc]) {
      expect(readPolls(copy.doc).map((p) => p.id)).toEqual(['kickoff-poll-2']);
      expect(docContains(copy.doc, SECRET)).toBe(false);
      expect(docContains(copy.doc, 'Hvad kan jeres råd bidrage med?')).toBe(false);
    }
    for (const events of [aneEvents, projectorEvents]) {
      expect(events.filter((e) => e.event === 'poll:drafts')).toEqual([]);
      expect(events.filter((e) => e.json.includes(SECRET) || e.json.includes(draft.id))).toEqual([]);
    }
    expect(await storedBytesContain(env.store, board.boardId, SECRET)).toBe(false);

    // Opened, the draft enters everyone's copy and leaves the drafts.
    await ok(call(lead, 'poll:open', { pollId: draft.id }));
    await eventually(() => readPoll(aneDoc.doc, draft.id)?.state === 'open', 10_000, 'the opened draft reaches the participant');
    expect(readPoll(aneDoc.doc, draft.id)).toMatchObject({ question: `${SECRET} (ny)`, type: 'text', inCall: true });
    expect(await drafts(lead)).toEqual([]);
    const lastDrafts = () => coLeadEvents.filter((e) => e.event === 'poll:drafts').at(-1)?.payload;
    await eventually(() => JSON.stringify(lastDrafts()) === JSON.stringify({ polls: [] }), 10_000, 'the co-facilitator hears that no draft is left');
  });

  test('closing a draft unopened publishes it as closed; the board\u2019s poll limit counts drafts and published polls together', async () => {
    const board = await env.board('kickoff');
    const lead = await env.socket(await env.session(board, 'facilitator', 'Lead'));
    const ane = await env.session(board, 'participant', 'Ane');
    const aneDoc = await env.yjs(ane);
    await ok(call(lead, 'poll:close', { pollId: 'kickoff-poll-1' }));
    await eventually(() => readPoll(aneDoc.doc, 'kickoff-poll-1')?.state === 'closed', 10_000, 'the closed poll arrives');
    expect((await drafts(lead)).map((p) => p.id)).toEqual(['kickoff-poll-2']);
    // Two polls so far (one published, one draft): 48 more fit.
    for (let i = 0; i < POLL_LIMITS.pollsPerBoard - 2; i++) await ok(call(lead, 'poll:create', { poll: { type: 'text', question: `Spørgsmål ${i}` } }));
    expect(await refusal(call(lead, 'poll:create', { poll: { type: 'text', question: 'Én for meget' } }))).toBe(ErrorCode.VALIDATION_FAILED);
    await ok(call(lead, 'poll:delete', { pollId: 'kickoff-poll-1' }));
    await ok(call(lead, 'poll:create', { poll: { type: 'text', question: 'Nu er der plads' } }));
    expect(await drafts(lead)).toHaveLength(POLL_LIMITS.pollsPerBoard);
  });

  test('a board whose document still holds drafts (made before they left it) moves them out as it loads', async () => {
    const board = await env.board('kickoff');
    const leadSession = await env.session(board, 'facilitator', 'Lead');
    await ok(call(await env.socket(leadSession), 'poll:open', { pollId: 'kickoff-poll-2' }));
    await env.restartWith((store) => appendLegacyDrafts(store, board.boardId, [legacyDraft('old-draft-1', SECRET), legacyDraft('old-draft-2', 'Endnu et gammelt udkast')]));
    expect(await storedBytesContain(env.store, board.boardId, SECRET)).toBe(true);

    const ane = await env.session(board, 'participant', 'Ane');
    const aneDoc = await env.yjs(ane);
    expect(readPolls(aneDoc.doc).map((p) => [p.id, p.state])).toEqual([['kickoff-poll-2', 'open']]);
    expect(docContains(aneDoc.doc, SECRET)).toBe(false);
    expect(await storedBytesContain(env.store, board.boardId, SECRET)).toBe(false);
    const lead = await env.socket(await env.session(board, 'facilitator', 'Lead'));
    expect((await drafts(lead)).map((p) => [p.id, p.question])).toEqual([
      ['old-draft-1', SECRET],
      ['old-draft-2', 'Endnu et gammelt udkast'],
      ['kickoff-poll-1', 'Hvad kan jeres råd bidrage med?'],
    ]);
    // Moved, they run like any draft.
    await ok(call(lead, 'poll:open', { pollId: 'old-draft-1' }));
    await eventually(() => readPoll(aneDoc.doc, 'old-draft-1')?.state === 'open', 10_000, 'the opened old draft arrives');
  });

  test('drafts travel in the backup beside the document; an older backup with drafts in its document restores with them moved out', async () => {
    const board = await env.board('kickoff');
    const leadSession = await env.session(board, 'facilitator', 'Lead');
    const lead = await env.socket(leadSession);
    const draft = await ok(call<Poll>(lead, 'poll:create', { poll: { type: 'text', question: SECRET } }));
    const exported = await fetchExport(env.url, board.boardId, 'json', leadSession.sessionToken);
    const backup = JSON.parse(exported.text()) as { document: { update: string }; store: { pollDrafts?: Poll[] } };
    expect(backup.store.pollDrafts?.map((p) => p.id)).toEqual(['kickoff-poll-1', 'kickoff-poll-2', draft.id]);
    expect(Buffer.from(backup.document.update, 'base64').includes(Buffer.from(SECRET))).toBe(false);

    const restoredDrafts = async (body: Buffer | string): Promise<{ copy: CreateBoardResponse; polls: Poll[] }> => {
      const restored = await restore(env.url, body);
      if (!restored.body.ok) throw new Error(restored.body.error.message);
      const copy = restored.body.data;
      return { copy, polls: await drafts(await env.socket(await env.session(copy, 'facilitator', 'Lead'))) };
    };
    const fresh = await restoredDrafts(exported.body);
    expect(fresh.polls).toEqual(backup.store.pollDrafts);
    expect(readPolls(await storedDoc(env.store, fresh.copy.boardId))).toEqual([]);

    // A backup from before: no `pollDrafts`, the drafts in the document's `polls` root.
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Buffer.from(backup.document.update, 'base64'));
    doc.transact(() => {
      for (const poll of backup.store.pollDrafts ?? []) pollsMap(doc).set(poll.id, poll);
    });
    const older = structuredClone(backup);
    older.document.update = Buffer.from(Y.encodeStateAsUpdate(doc)).toString('base64');
    delete older.store.pollDrafts;
    const moved = await restoredDrafts(JSON.stringify(older));
    expect(moved.polls).toEqual(backup.store.pollDrafts);
    expect(readPolls(await storedDoc(env.store, moved.copy.boardId))).toEqual([]);
    expect(await storedBytesContain(env.store, moved.copy.boardId, SECRET)).toBe(false);

    // Drafts that clash with each other or with the document's polls are refused; nothing is made.
    const twice = structuredClone(backup);
    twice.store.pollDrafts = [...(backup.store.pollDrafts ?? []), backup.store.pollDrafts![0]!];
    const clash = structuredClone(older);
    clash.store.pollDrafts = [backup.store.pollDrafts![0]!];
    for (const bad of [twice, clash]) {
      const res = await restore(env.url, JSON.stringify(bad));
      expect(res.status).toBe(400);
      expect(!res.body.ok && res.body.error.code).toBe(ErrorCode.VALIDATION_FAILED);
    }
  });
});
