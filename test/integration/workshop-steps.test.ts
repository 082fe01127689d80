import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  CloseCode,
  ErrorCode,
  ROOT,
  ideasMap,
  readIdea,
  readWorkshop,
  type Step,
  type WorkshopState,
} from '../../shared';
import { eventually, type TestClient } from '../support/harness';
import { call, ok, refusal, setStep, workshopEnv, type WorkshopEnv } from '../support/workshop';

/**
 * The facilitator's agenda, lock and server-only roots, enforced on the Yjs endpoint: a
 * refused update closes the sender's connection (4403) and leaves the board unchanged.
 */
describe('workshop steps and lock on the Yjs endpoint', () => {
  let env: WorkshopEnv;
  beforeAll(async () => {
    env = await workshopEnv('embedded', null);
  });
  afterAll(() => env.close());

  async function scene() {
    const board = await env.board('kickoff');
    const lead = await env.session(board, 'facilitator', 'Lead');
    const leadSocket = await env.socket(lead);
    const leadDoc = await env.yjs(lead);
    const aneSession = await env.session(board, 'participant', 'Ane');
    const ane = await env.yjs(aneSession);
    const idea = ane.addIdea({ text: 'Anes idé', questionId: 'kickoff-q1' });
    await eventually(() => ane.allSaved && ideasMap(leadDoc.doc).has(idea.id), 10_000, 'idea saved');
    /** A fresh connection for Ane (a refusal closes the previous one). */
    const again = async () => env.yjs(aneSession);
    return { board, lead, leadSocket, leadDoc, ane, aneSession, idea, again };
  }

  async function refused(client: TestClient, code: ErrorCode) {
    await eventually(() => client.closes.length > 0, 10_000, `refusal ${code}`);
    expect(client.errors[0]?.code).toBe(code);
    expect(client.closes[0]).toBe(CloseCode.FORBIDDEN);
  }

  async function accepted(client: TestClient, other: TestClient, check: (doc: Y.Doc) => boolean) {
    await eventually(() => client.allSaved && check(other.doc), 10_000, 'accepted');
    expect(client.closes).toEqual([]);
  }

  const text = (doc: Y.Doc, id: string) => ideasMap(doc).get(id)?.get('text');

  it('writes every workshop default at board creation', async () => {
    const { leadDoc } = await scene();
    const state = readWorkshop(leadDoc.doc);
    expect(state).toMatchObject({ locked: false, silent: false, votesRevealed: false, joinOpen: true, steps: { 'kickoff-q1': 'write', 'kickoff-q2': 'write', 'kickoff-q3': 'write' } });
    expect(state.joinCode).toMatch(/^[ACDEFGHJKMNPQRTUVWXY34679]{6}$/);
    expect(state.screen).toEqual({ kind: 'ideas' });
    expect([...leadDoc.doc.getMap(ROOT.workshop).keys()].sort()).toEqual(['joinCode', 'joinOpen', 'locked', 'screen', 'silent', 'steps', 'timer', 'votesRevealed', 'voting']);
  });

  it('refuses every participant write while locked, and allows them again once unlocked', async () => {
    const { leadSocket, leadDoc, ane, idea, again } = await scene();
    const locked = await ok(call<WorkshopState>(leadSocket, 'workshop:setLocked', { locked: true }));
    expect(locked.locked).toBe(true);
    await eventually(() => readWorkshop(ane.doc).locked, 10_000, 'lock seen');
    ane.addIdea({ text: 'while locked' });
    await refused(ane, ErrorCode.BOARD_LOCKED);

    const second = await again();
    ideasMap(second.doc).get(idea.id)?.set('position', 'b0');
    await refused(second, ErrorCode.BOARD_LOCKED);
    // The facilitator is not locked out.
    ideasMap(leadDoc.doc).get(idea.id)?.set('text', 'Rettet af facilitator');
    await eventually(() => leadDoc.allSaved, 10_000, 'facilitator saved');
    expect(leadDoc.closes).toEqual([]);

    await ok(call(leadSocket, 'workshop:setLocked', { locked: false }));
    const third = await again();
    const later = third.addIdea({ text: 'after unlock' });
    await accepted(third, leadDoc, (doc) => ideasMap(doc).has(later.id));
    expect(text(leadDoc.doc, idea.id)).toBe('Rettet af facilitator');
  });

  it('lets each step allow what its rule says, for participants only', async () => {
    const { leadSocket, leadDoc, ane, idea, again } = await scene();
    const go = (step: Step) => setStep(leadSocket, 'kickoff-q1', step);

    // group: no new ideas, but editing and moving are fine.
    await go('group');
    await eventually(() => readWorkshop(ane.doc).steps['kickoff-q1'] === 'group', 10_000, 'step seen');
    ideasMap(ane.doc).get(idea.id)?.set('text', 'Grupperet tekst');
    ideasMap(ane.doc).get(idea.id)?.set('position', 'a5');
    await accepted(ane, leadDoc, (doc) => text(doc, idea.id) === 'Grupperet tekst');
    ane.addIdea({ text: 'new in group', questionId: 'kickoff-q1' });
    await refused(ane, ErrorCode.STEP_FORBIDS);

    // vote: no adding, no moving, no editing.
    await go('vote');
    let client = await again();
    client.addIdea({ text: 'new in vote', questionId: 'kickoff-q1' });
    await refused(client, ErrorCode.STEP_FORBIDS);
    client = await again();
    ideasMap(client.doc).get(idea.id)?.set('phase', 2);
    await refused(client, ErrorCode.STEP_FORBIDS);
    client = await again();
    ideasMap(client.doc).delete(idea.id);
    await refused(client, ErrorCode.STEP_FORBIDS);

    // results: no editing.
    await go('results');
    client = await again();
    ideasMap(client.doc).get(idea.id)?.set('text', 'Ændret i resultater');
    await refused(client, ErrorCode.STEP_FORBIDS);

    // Another question still in write: adding there is fine, moving the idea there is not.
    client = await again();
    const elsewhere = client.addIdea({ text: 'question 2 is open', questionId: 'kickoff-q2' });
    await accepted(client, leadDoc, (doc) => ideasMap(doc).has(elsewhere.id));
    ideasMap(client.doc).get(idea.id)?.set('questionId', 'kickoff-q2');
    await refused(client, ErrorCode.STEP_FORBIDS);
    client = await again();
    ideasMap(client.doc).get(elsewhere.id)?.set('questionId', 'kickoff-q1');
    await refused(client, ErrorCode.STEP_FORBIDS);

    // Facilitators are never restricted by steps.
    ideasMap(leadDoc.doc).get(idea.id)?.set('text', 'Facilitator retter');
    const leadIdea = leadDoc.addIdea({ text: 'facilitator adds in results', questionId: 'kickoff-q1' });
    await eventually(() => leadDoc.allSaved, 10_000, 'facilitator saved');
    expect(leadDoc.closes).toEqual([]);
    const observer = await env.yjs(await env.session((await scene()).board, 'observer'));
    expect(observer.closes).toEqual([]);
    expect(ideasMap(leadDoc.doc).has(leadIdea.id)).toBe(true);

    // Back to write: the process is iterative.
    await go('write');
    client = await again();
    const back = client.addIdea({ text: 'back in write', questionId: 'kickoff-q1' });
    await accepted(client, leadDoc, (doc) => ideasMap(doc).has(back.id));
  });

  it('applies the focus question\u2019s step to ideas without a question', async () => {
    const { leadSocket, leadDoc, again } = await scene();
    await setStep(leadSocket, 'kickoff-q1', 'vote'); // kickoff-q1 is the focus question
    const client = await again();
    client.addIdea({ text: 'no question', questionId: null });
    await refused(client, ErrorCode.STEP_FORBIDS);
    await ok(call(leadSocket, 'board:updateSettings', { focusQuestionId: 'kickoff-q2' }));
    const next = await again();
    const idea = next.addIdea({ text: 'no question, focus in write', questionId: null });
    await accepted(next, leadDoc, (doc) => ideasMap(doc).has(idea.id));
  });

  it('refuses client writes to the server-only roots', async () => {
    for (const root of [ROOT.workshop, ROOT.votes, ROOT.clusters, ROOT.history]) {
      const { again } = await scene();
      const client = await again();
      client.doc.getMap(root).set(root === ROOT.workshop ? 'locked' : 'someidea1', root === ROOT.workshop ? false : 99);
      await refused(client, ErrorCode.FORBIDDEN);
    }
  });

  it('accepts ideas without clusterId (older clients) and reads them with clusterId null; anyone who may move sets it', async () => {
    const { leadSocket, leadDoc, ane } = await scene();
    const id = 'old-client-idea';
    ane.doc.transact(() => {
      const map = new Y.Map<unknown>();
      const now = Date.now();
      const fields = { id, text: 'from an older client', authorId: ane.identity.participantId, authorName: 'Ane', contributorType: null, organisation: null, createdAt: now, updatedAt: now, phase: null, principle: null, track: null, beacons: [], questionId: 'kickoff-q1', position: 'a0' };
      for (const [k, v] of Object.entries(fields)) map.set(k, v);
      ideasMap(ane.doc).set(id, map);
    });
    await accepted(ane, leadDoc, (doc) => ideasMap(doc).has(id));
    expect(readIdea(ideasMap(leadDoc.doc).get(id)!)).toMatchObject({ id, clusterId: null });

    const cluster = await ok(call<{ id: string }>(leadSocket, 'cluster:create', { name: 'Grønne idéer' }));
    ideasMap(ane.doc).get(id)?.set('clusterId', cluster.id);
    await accepted(ane, leadDoc, (doc) => ideasMap(doc).get(id)?.get('clusterId') === cluster.id);
    ideasMap(ane.doc).get(id)?.set('clusterId', 'not an id!');
    await refused(ane, ErrorCode.VALIDATION_FAILED);
  });

  it('answers facilitator commands with the new state, refuses others and bad payloads', async () => {
    const { board, leadSocket, aneSession } = await scene();
    const aneSocket = await env.socket(aneSession);
    const state = await setStep(leadSocket, 'kickoff-q2', 'reveal');
    expect(state.steps).toMatchObject({ 'kickoff-q1': 'write', 'kickoff-q2': 'reveal' });
    expect(await refusal(call(aneSocket, 'workshop:setStep', { questionId: 'kickoff-q1', step: 'vote' }))).toBe(ErrorCode.FORBIDDEN);
    expect(await refusal(call(aneSocket, 'workshop:setLocked', { locked: true }))).toBe(ErrorCode.FORBIDDEN);
    expect(await refusal(call(aneSocket, 'join:setOpen', { open: false }))).toBe(ErrorCode.FORBIDDEN);
    expect(await refusal(call(leadSocket, 'workshop:setStep', { questionId: 'kickoff-q1', step: 'dance' }))).toBe(ErrorCode.VALIDATION_FAILED);
    expect(await refusal(call(leadSocket, 'workshop:setStep', { questionId: 'nosuchquestion', step: 'vote' }))).toBe(ErrorCode.VALIDATION_FAILED);
    expect(await refusal(call(leadSocket, 'workshop:setSilent', { silent: true, extra: 1 }))).toBe(ErrorCode.VALIDATION_FAILED);
    expect((await ok(call<WorkshopState>(leadSocket, 'workshop:setSilent', { silent: true }))).silent).toBe(true);
    expect((await ok(call<WorkshopState>(leadSocket, 'join:setOpen', { open: false }))).joinOpen).toBe(false);
    const screen = await env.yjs(await env.session(board, 'observer'));
    expect(readWorkshop(screen.doc)).toMatchObject({ silent: true, joinOpen: false, steps: { 'kickoff-q2': 'reveal' } });
  });
});
