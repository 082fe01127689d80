import * as Y from 'yjs';
import { expect } from 'vitest';
import {
  randomId,
  ideasMap,
  reactionKey,
  reactionsMap,
  removedMap,
  readComments,
  readIdeaHistory,
  readIdeas,
  readReactions,
  readStatuses,
  votesMap,
  type CreateBoardResponse,
  type HiddenIdeasResult,
  type MyVotes,
  type SessionResponse,
  type WorkshopState,
} from '../../shared';
import { eventually } from '../support/harness';
import { call, describeOnStores, ok, setStep } from '../support/workshop';
import { fetchExport, restore } from './export-helpers';

/**
 * Hidden means hidden: an idea a moderator hides takes every trace of its content out of the
 * document (its merge history, comments, status and rationale, reactions and vote total), so
 * a participant or projector that joins afterwards receives none of it, on either store and
 * after a restart; facilitators still see it all, and a restore brings it all back.
 */
describeOnStores('a hidden idea leaves no trace (%s store)', (env, test) => {
  /** A late joiner's whole document, as bytes. */
  async function lateCopy(board: CreateBoardResponse, role: 'participant' | 'observer'): Promise<{ doc: Y.Doc; bytes: Buffer }> {
    const client = await env.yjs(await env.session(board, role, role === 'participant' ? 'Sen' : null));
    return { doc: client.doc, bytes: Buffer.from(Y.encodeStateAsUpdate(client.doc)) };
  }

  /** Every byte the store holds of the board's document (snapshot and log, unapplied). */
  async function storedBytes(board: CreateBoardResponse): Promise<Buffer> {
    const stored = await env.store.loadDocument(`board:${board.boardId}`);
    return Buffer.concat([stored.snapshot ?? new Uint8Array(), ...stored.updates].map((u) => Buffer.from(u)));
  }

  /**
   * An idea with everything that can belong to it: a merged duplicate (history), a comment, a
   * reaction, a status with a rationale and a shown vote total; then hidden by a moderator.
   */
  async function hiddenIdea() {
    const board = await env.board('kickoff');
    const lead = await env.session(board, 'facilitator', 'Lead');
    const ane: SessionResponse = await env.session(board, 'participant', 'Ane');
    const bo: SessionResponse = await env.session(board, 'participant', 'Bo');
    const [leadSocket, boSocket] = [await env.socket(lead), await env.socket(bo)];
    const [aneDoc, boDoc] = [await env.yjs(ane), await env.yjs(bo)];

    const secret = {
      text: `Tekst-${randomId(10)}`,
      merged: `Flettet-${randomId(10)}`,
      comment: `Kommentar-${randomId(10)}`,
      rationale: `Begrundelse-${randomId(10)}`,
    };
    const idea = aneDoc.addIdea({ text: secret.text, questionId: 'kickoff-q1' });
    const duplicate = boDoc.addIdea({ text: secret.merged, questionId: 'kickoff-q1' });
    await eventually(() => aneDoc.allSaved && boDoc.allSaved, 10_000, 'both ideas saved');
    await ok(call(leadSocket, 'idea:merge', { targetId: idea.id, sourceIds: [duplicate.id] }));
    await ok(call(boSocket, 'comment:add', { id: `c${randomId(10)}`, ideaId: idea.id, text: secret.comment }));
    await ok(call(boSocket, 'reaction:toggle', { ideaId: idea.id, reaction: 'support' }));
    await ok(call(leadSocket, 'idea:setStatus', { ideaId: idea.id, status: 'considering', rationale: secret.rationale }));
    await ok(call<WorkshopState>(leadSocket, 'voting:configure', { votesPerPerson: 3, maxPerIdea: 3 }));
    await setStep(leadSocket, 'kickoff-q1', 'vote');
    await ok(call<MyVotes>(boSocket, 'vote:cast', { ideaId: idea.id }));
    await ok(call<MyVotes>(boSocket, 'vote:cast', { ideaId: idea.id }));
    await ok(call(leadSocket, 'voting:reveal', { revealed: true }));
    const before = await lateCopy(board, 'observer');
    await eventually(() => votesMap(before.doc).get(idea.id) === 2, 10_000, 'the total is shown');
    expect(before.bytes.includes(secret.rationale)).toBe(true); // the test can see what it looks for

    await ok(call(leadSocket, 'idea:hide', { ideaId: idea.id, reason: 'offensive' }));
    const reactor = bo.identity.participantId;
    const traces = [secret.text, secret.merged, secret.comment, secret.rationale, reactor];
    return { board, lead, leadSocket, bo, boSocket, idea, secret, reactor, traces };
  }

  /** Which of the traces a document's bytes hold. */
  const leaksIn = (traces: string[], bytes: Buffer) => traces.filter((t) => bytes.includes(t));

  test('hides the text, merge history, comments, rationale, reactors and vote total, and restores them all', async () => {
    const { board, lead, leadSocket, bo, idea, secret, reactor, traces } = await hiddenIdea();
    const leaks = (bytes: Buffer) => leaksIn(traces, bytes);
    const expectNoTrace = async (when: string) => {
      for (const role of ['participant', 'observer'] as const) {
        const { doc, bytes } = await lateCopy(board, role);
        expect(leaks(bytes), `${role} joining ${when}`).toEqual([]);
        expect(votesMap(doc).has(idea.id), `${role}'s vote totals ${when}`).toBe(false);
        expect(readIdeaHistory(doc, idea.id)).toBeNull();
      }
      // The log is folded in the background after a hide.
      await eventually(async () => leaks(await storedBytes(board)).length === 0, 10_000, `the stored document ${when} without traces`);
    };
    await expectNoTrace('after the hide');

    // The next reveal of totals (its answer comes once the totals are written) does not publish it again.
    await ok(call(leadSocket, 'voting:reveal', { revealed: false }));
    await ok(call(leadSocket, 'voting:reveal', { revealed: true }));
    const totals = votesMap((await lateCopy(board, 'observer')).doc);
    expect(totals.has(idea.id)).toBe(false);

    await env.restart();
    await expectNoTrace('after a restart');

    // The voter looks at their votes meanwhile: the ones on the hidden idea stay counted.
    const voter = await ok(call<MyVotes>(await env.socket(bo), 'votes:mine', { questionId: 'kickoff-q1' }));
    expect(voter.votes).toEqual({ [idea.id]: 2 });

    // Facilitators still see the hidden idea with everything that belonged to it.
    const facilitator = await env.socket(lead);
    const { ideas } = await ok(call<HiddenIdeasResult>(facilitator, 'moderation:hidden'));
    const kept = JSON.stringify(ideas);
    for (const t of traces) expect(kept).toContain(t);

    await ok(call(facilitator, 'idea:restore', { ideaId: idea.id }));
    const { doc } = await lateCopy(board, 'participant');
    await eventually(() => votesMap(doc).get(idea.id) === 2, 10_000, 'the total is back');
    expect(readIdeas(doc).map((i) => i.text)).toEqual([secret.text]);
    expect(readIdeaHistory(doc, idea.id)?.originals.map((o) => o.text)).toEqual([secret.text, secret.merged]);
    expect(readComments(doc).map((c) => c.text)).toEqual([secret.comment]);
    expect(readStatuses(doc).get(idea.id)?.current.rationale).toBe(secret.rationale);
    expect([...(readReactions(doc).get(idea.id)?.get('support') ?? [])]).toEqual([reactor]);
  });

  test('a backup carries the hidden traces for facilitators only; the restored board brings them back on un-hide', async () => {
    const { lead, idea, secret, reactor, traces, board: original } = await hiddenIdea();
    const res = await fetchExport(env.url, original.boardId, 'json', lead.sessionToken);
    expect(res.status).toBe(200);
    const backup = JSON.parse(res.text()) as { document: { update: string }; view: unknown };
    expect(leaksIn(traces, Buffer.from(backup.document.update, 'base64')), 'the backup\u2019s document').toEqual([]);
    expect(leaksIn(traces, Buffer.from(JSON.stringify(backup.view))), 'the backup\u2019s readable view').toEqual([]);

    const restored = await restore(env.url, res.body);
    if (!restored.body.ok) throw new Error(restored.body.error.message);
    const copy = restored.body.data;
    for (const role of ['participant', 'observer'] as const) {
      const { bytes } = await lateCopy(copy, role);
      expect(leaksIn(traces, bytes), `${role} on the restored board`).toEqual([]);
    }
    const facilitator = await env.socket(await env.session(copy, 'facilitator', 'Lead'));
    await ok(call(facilitator, 'idea:restore', { ideaId: idea.id }));
    const { doc } = await lateCopy(copy, 'participant');
    await eventually(() => votesMap(doc).get(idea.id) === 2, 10_000, 'the total is back');
    expect(readIdeaHistory(doc, idea.id)?.originals.map((o) => o.text)).toEqual([secret.text, secret.merged]);
    expect(readComments(doc).map((c) => c.text)).toEqual([secret.comment]);
    expect(readStatuses(doc).get(idea.id)?.current.rationale).toBe(secret.rationale);
    expect([...(readReactions(doc).get(idea.id)?.get('support') ?? [])]).toEqual([reactor]);
  });

  test('an old board\u2019s per-reaction keys are converted to one value per idea when it loads', async () => {
    const board = await env.board('kickoff');
    const ane = await env.session(board, 'participant', 'Ane');
    const aneDoc = await env.yjs(ane);
    const idea = aneDoc.addIdea({ text: 'En gammel idé', questionId: 'kickoff-q1' });
    await eventually(() => aneDoc.allSaved, 10_000, 'the idea is saved');
    const docName = `board:${board.boardId}`;
    await env.restartWith(async (store) => {
      // As the server wrote reactions before: one key per reaction.
      const stored = await store.loadDocument(docName);
      const doc = new Y.Doc();
      for (const update of [stored.snapshot, ...stored.updates]) if (update) Y.applyUpdate(doc, update);
      const before = Y.encodeStateVector(doc);
      reactionsMap(doc).set(reactionKey(idea.id, 'support', 'p-gammel-1'), 1);
      reactionsMap(doc).set(reactionKey(idea.id, 'love', 'p-gammel-2'), 1);
      await store.appendUpdates(docName, [Y.encodeStateAsUpdate(doc, before)]);
    });
    const { doc } = await lateCopy(board, 'observer');
    expect([...reactionsMap(doc).keys()]).toEqual([idea.id]);
    expect(reactionsMap(doc).get(idea.id)).toEqual({ support: ['p-gammel-1'], love: ['p-gammel-2'] });
  });

  test('a comment its author deletes while the idea is hidden is gone for good: not kept, not restored', async () => {
    const { board, lead, boSocket, idea, secret } = await hiddenIdea();
    const facilitator = await env.socket(lead);
    const kept = async () => (await ok(call<HiddenIdeasResult>(facilitator, 'moderation:hidden'))).ideas[0]?.traces?.comments ?? [];
    const [comment] = await kept();
    expect(comment?.text).toBe(secret.comment);
    await ok(call(boSocket, 'comment:delete', { commentId: comment!.id }));
    expect(await kept()).toEqual([]);
    await ok(call(facilitator, 'idea:restore', { ideaId: idea.id }));
    const { doc, bytes } = await lateCopy(board, 'observer');
    expect(readIdeas(doc).map((i) => i.id)).toEqual([idea.id]);
    expect(readComments(doc)).toEqual([]);
    expect(bytes.includes(secret.comment)).toBe(false);
  });

  test('an idea hidden before traces were kept has them taken out of the document when its board loads', async () => {
    const board = await env.board('kickoff');
    const lead = await env.session(board, 'facilitator', 'Lead');
    const ane = await env.session(board, 'participant', 'Ane');
    const leadSocket = await env.socket(lead);
    const aneDoc = await env.yjs(ane);
    const idea = aneDoc.addIdea({ text: 'En gammel skjult idé', questionId: 'kickoff-q1' });
    await eventually(() => aneDoc.allSaved, 10_000, 'the idea is saved');
    const rationale = `Begrundelse-${randomId(10)}`;
    await ok(call(leadSocket, 'idea:setStatus', { ideaId: idea.id, status: 'considering', rationale }));
    const docName = `board:${board.boardId}`;
    await env.restartWith(async (store) => {
      // As the server hid ideas before: the idea out, a removal mark, a record without traces.
      const stored = await store.loadDocument(docName);
      const doc = new Y.Doc();
      for (const update of [stored.snapshot, ...stored.updates]) if (update) Y.applyUpdate(doc, update);
      const before = Y.encodeStateVector(doc);
      doc.transact(() => {
        ideasMap(doc).delete(idea.id);
        removedMap(doc).set(idea.id, 'hidden');
      });
      await store.appendUpdates(docName, [Y.encodeStateAsUpdate(doc, before)]);
      const record = { idea: { ...idea, authorName: 'Ane' }, reason: 'offensive', hiddenBy: { participantId: lead.identity.participantId, name: 'Lead', role: 'facilitator' }, hiddenAt: Date.now() };
      await store.putRecord(`modhidden:${board.boardId}`, idea.id, JSON.stringify(record));
    });
    const { doc, bytes } = await lateCopy(board, 'observer');
    expect(readStatuses(doc).has(idea.id)).toBe(false);
    expect(bytes.includes(rationale)).toBe(false);
    const facilitator = await env.socket(lead);
    const { ideas } = await ok(call<HiddenIdeasResult>(facilitator, 'moderation:hidden'));
    expect(ideas[0]?.traces?.status?.current.rationale).toBe(rationale);
    await ok(call(facilitator, 'idea:restore', { ideaId: idea.id }));
    const after = await lateCopy(board, 'participant');
    expect(readStatuses(after.doc).get(idea.id)?.current.rationale).toBe(rationale);
  });
});
