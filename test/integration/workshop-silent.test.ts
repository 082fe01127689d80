import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CloseCode,
  ErrorCode,
  ideasMap,
  randomId,
  readIdeas,
  readWorkshop,
  type Idea,
  type RevealResult,
  type SubmitHiddenResult,
  type WorkshopState,
} from '../../shared';
import { eventually, storedDoc } from '../support/harness';
import { call, docContains, draft, ok, refusal, workshopEnv, type WorkshopEnv } from '../support/workshop';

describe('silent writing', () => {
  let env: WorkshopEnv;
  beforeAll(async () => {
    env = await workshopEnv('embedded', null);
  });
  afterAll(() => env.close());

  async function room() {
    const board = await env.board('kickoff');
    const lead = await env.session(board, 'facilitator', 'Lead');
    const ane = await env.session(board, 'participant', 'Ane');
    const bo = await env.session(board, 'participant', 'Bo');
    const screen = await env.session(board, 'observer');
    const leadSocket = await env.socket(lead);
    await ok(call<WorkshopState>(leadSocket, 'workshop:setSilent', { silent: true }));
    return { board, lead, ane, bo, screen, leadSocket };
  }

  it('keeps a hidden idea out of every other participant\u2019s and observer\u2019s raw Yjs document until reveal', async () => {
    const { board, lead, ane, bo, screen, leadSocket } = await room();
    const boDoc = await env.yjs(bo);
    const screenDoc = await env.yjs(screen);
    const leadDoc = await env.yjs(lead);
    const aneSocket = await env.socket(ane);
    const boSocket = await env.socket(bo);
    const screenSocket = await env.socket(screen);
    const heardByLead: Idea[] = [];
    const heardByBo: Idea[] = [];
    const heardByScreen: Idea[] = [];
    leadSocket.on('ideas:hiddenAdded', ({ idea }) => heardByLead.push(idea));
    boSocket.on('ideas:hiddenAdded', ({ idea }) => heardByBo.push(idea));
    screenSocket.on('ideas:hiddenAdded', ({ idea }) => heardByScreen.push(idea));

    const secret = `Hemmelig idé ${randomId(8)} – æøå`;
    const idea = draft(ane, secret);
    expect(await ok(call<SubmitHiddenResult>(aneSocket, 'idea:submitHidden', { idea }))).toEqual({ idea, state: 'hidden' });
    // Idempotent: a retry (lost acknowledgement) changes nothing.
    expect(await ok(call<SubmitHiddenResult>(aneSocket, 'idea:submitHidden', { idea }))).toMatchObject({ state: 'hidden' });

    await eventually(() => heardByLead.length > 0, 10_000, 'facilitator notified');
    expect(heardByLead[0]).toEqual(idea);
    // The author sees their own; the facilitator all; Bo and the projector nothing.
    expect((await ok(call<{ ideas: Idea[] }>(aneSocket, 'ideas:hidden'))).ideas).toEqual([idea]);
    expect((await ok(call<{ ideas: Idea[] }>(leadSocket, 'ideas:hidden'))).ideas).toEqual([idea]);
    expect((await ok(call<{ ideas: Idea[] }>(boSocket, 'ideas:hidden'))).ideas).toEqual([]);
    expect((await ok(call<{ ideas: Idea[] }>(screenSocket, 'ideas:hidden'))).ideas).toEqual([]);

    // Let anything that might leak arrive: a later public idea has reached everyone.
    const marker = (await env.yjs(lead)).addIdea({ text: 'public marker' });
    await eventually(() => ideasMap(boDoc.doc).has(marker.id) && ideasMap(screenDoc.doc).has(marker.id), 10_000, 'marker');
    for (const doc of [boDoc.doc, screenDoc.doc, leadDoc.doc]) expect(docContains(doc, secret)).toBe(false);
    expect(docContains(await storedDoc(env.store, board.boardId), secret)).toBe(false);
    expect(heardByBo).toEqual([]);
    expect(heardByScreen).toEqual([]);

    const revealed = await ok(call<RevealResult>(leadSocket, 'workshop:reveal'));
    expect(revealed.revealedIds).toEqual([idea.id]);
    // A reveal also ends silent writing: the room writes in the open from here on.
    expect(readWorkshop(await storedDoc(env.store, board.boardId)).silent).toBe(false);
    await eventually(() => docContains(boDoc.doc, secret) && docContains(screenDoc.doc, secret), 10_000, 'revealed everywhere');
    expect(readIdeas(screenDoc.doc).find((i) => i.id === idea.id)).toEqual(idea);
    expect((await ok(call<{ ideas: Idea[] }>(leadSocket, 'ideas:hidden'))).ideas).toEqual([]);
    // A retry after the reveal answers "published" and adds nothing.
    expect(await ok(call<SubmitHiddenResult>(aneSocket, 'idea:submitHidden', { idea }))).toMatchObject({ state: 'published' });

    // The server wrote it, but ownership goes by authorId: Ane may still edit it, Bo may not.
    const aneDoc = await env.yjs(ane);
    ideasMap(aneDoc.doc).get(idea.id)?.set('text', 'Anes rettede idé');
    await eventually(() => ideasMap(boDoc.doc).get(idea.id)?.get('text') === 'Anes rettede idé', 10_000, 'author edit');
    ideasMap(boDoc.doc).get(idea.id)?.set('text', 'Bo tager den');
    await eventually(() => boDoc.closes.length > 0, 10_000, 'bo refused');
    expect(boDoc.errors[0]?.code).toBe(ErrorCode.NOT_OWNER);
  });

  it('refuses a participant\u2019s direct Yjs insert while silent writing is on, not a facilitator\u2019s', async () => {
    const { lead, ane, bo } = await room();
    const aneDoc = await env.yjs(ane);
    const boDoc = await env.yjs(bo);
    const leadDoc = await env.yjs(lead);
    const leaked = `Sneaky ${randomId(8)}`;
    aneDoc.addIdea({ text: leaked, questionId: 'kickoff-q1' });
    await eventually(() => aneDoc.closes.length > 0, 10_000, 'refused');
    expect(aneDoc.errors[0]?.code).toBe(ErrorCode.SILENT_WRITING);
    expect(aneDoc.closes[0]).toBe(CloseCode.FORBIDDEN);
    const open = leadDoc.addIdea({ text: 'facilitator writes openly' });
    await eventually(() => ideasMap(boDoc.doc).has(open.id), 10_000, 'facilitator idea');
    expect(docContains(boDoc.doc, leaked)).toBe(false);
  });

  it('reveals exactly once when two facilitators press reveal at the same time', async () => {
    const { board, ane, bo, leadSocket } = await room();
    const second = await env.socket(await env.session(board, 'facilitator', 'Co-lead'));
    const aneSocket = await env.socket(ane);
    const boSocket = await env.socket(bo);
    const ideas = [
      ...Array.from({ length: 5 }, (_, i) => draft(ane, `Ane ${i}`)),
      ...Array.from({ length: 5 }, (_, i) => draft(bo, `Bo ${i}`, null)),
    ];
    await Promise.all(ideas.map((idea) => ok(call(idea.authorName === 'Ane' ? aneSocket : boSocket, 'idea:submitHidden', { idea }))));
    const [a, b] = await Promise.all([ok(call<RevealResult>(leadSocket, 'workshop:reveal')), ok(call<RevealResult>(second, 'workshop:reveal'))]);
    expect([...a.revealedIds, ...b.revealedIds].sort()).toEqual(ideas.map((i) => i.id).sort());
    expect(a.revealedIds.length === 0 || b.revealedIds.length === 0).toBe(true);
    // A third reveal finds nothing; the stored board holds each idea once, as submitted.
    expect((await ok(call<RevealResult>(leadSocket, 'workshop:reveal'))).revealedIds).toEqual([]);
    const stored = readIdeas(await storedDoc(env.store, board.boardId));
    for (const idea of ideas) expect(stored.filter((i) => i.id === idea.id)).toEqual([idea]);
  });

  it('reveals when the step moves to reveal, and a refused step reveals nothing', async () => {
    const { board, ane, leadSocket } = await room();
    const aneSocket = await env.socket(ane);
    const observer = await env.yjs(await env.session(board, 'observer'));
    const idea = draft(ane, `Til afsløring ${randomId(6)}`);
    expect(await ok(call<SubmitHiddenResult>(aneSocket, 'idea:submitHidden', { idea }))).toMatchObject({ state: 'hidden' });
    expect(await refusal(call(leadSocket, 'workshop:setStep', { questionId: 'no-such-question', step: 'reveal' }))).toBe(ErrorCode.VALIDATION_FAILED);
    expect(await refusal(call(aneSocket, 'workshop:setStep', { questionId: 'kickoff-q1', step: 'reveal' }))).toBe(ErrorCode.FORBIDDEN);
    expect((await ok(call<{ ideas: Idea[] }>(leadSocket, 'ideas:hidden'))).ideas).toEqual([idea]);
    expect(readWorkshop(await storedDoc(env.store, board.boardId)).silent).toBe(true);

    const state = await ok(call<WorkshopState>(leadSocket, 'workshop:setStep', { questionId: 'kickoff-q1', step: 'reveal' }));
    expect(state).toMatchObject({ silent: false, steps: { 'kickoff-q1': 'reveal' } });
    await eventually(() => ideasMap(observer.doc).has(idea.id), 10_000, 'revealed to the projector');
    expect((await ok(call<{ ideas: Idea[] }>(leadSocket, 'ideas:hidden'))).ideas).toEqual([]);
    // Silent writing is off, so the next idea is published at once.
    expect(await ok(call<SubmitHiddenResult>(aneSocket, 'idea:submitHidden', { idea: draft(ane, 'bagefter') }))).toMatchObject({ state: 'published' });
  });

  it('validates hidden ideas like the document does', async () => {
    const { ane, bo, leadSocket } = await room();
    const aneSocket = await env.socket(ane);
    const screenSocket = await env.socket(await env.session((await room()).board, 'observer'));
    expect(await refusal(call(aneSocket, 'idea:submitHidden', { idea: draft(bo, 'in Bo\u2019s name') }))).toBe(ErrorCode.NOT_OWNER);
    expect(await refusal(call(aneSocket, 'idea:submitHidden', { idea: { ...draft(ane, 'x'), authorName: 'Borgmesteren' } }))).toBe(ErrorCode.NOT_OWNER);
    expect(await refusal(call(aneSocket, 'idea:submitHidden', { idea: draft(ane, 'x', 'no-such-question') }))).toBe(ErrorCode.VALIDATION_FAILED);
    expect(await refusal(call(aneSocket, 'idea:submitHidden', { idea: { ...draft(ane, 'x'), text: '' } }))).toBe(ErrorCode.VALIDATION_FAILED);
    expect(await refusal(call(aneSocket, 'workshop:reveal'))).toBe(ErrorCode.FORBIDDEN);
    expect(await refusal(call(screenSocket, 'idea:submitHidden', { idea: draft(ane, 'x') }))).toBe(ErrorCode.READ_ONLY);
    // Another author may not overwrite a hidden idea by reusing its id.
    const mine = draft(ane, 'mine');
    await ok(call(aneSocket, 'idea:submitHidden', { idea: mine }));
    const boSocket = await env.socket(bo);
    expect(await refusal(call(boSocket, 'idea:submitHidden', { idea: { ...draft(bo, 'stolen'), id: mine.id } }))).toBe(ErrorCode.NOT_OWNER);
    // The author may withdraw it; then there is nothing to reveal.
    expect(await refusal(call(boSocket, 'idea:deleteHidden', { ideaId: mine.id }))).toBe(ErrorCode.NOT_OWNER);
    await ok(call(aneSocket, 'idea:deleteHidden', { ideaId: mine.id }));
    expect((await ok(call<RevealResult>(leadSocket, 'workshop:reveal'))).revealedIds).toEqual([]);
  });

  it('publishes straight away when silent writing is off, and refuses in a step without adding', async () => {
    const { board, ane, leadSocket } = await room();
    const aneSocket = await env.socket(ane);
    const observer = await env.yjs(await env.session(board, 'observer'));
    await ok(call(leadSocket, 'workshop:setSilent', { silent: false }));
    const idea = draft(ane, 'straight in');
    expect(await ok(call<SubmitHiddenResult>(aneSocket, 'idea:submitHidden', { idea }))).toMatchObject({ state: 'published' });
    await eventually(() => ideasMap(observer.doc).has(idea.id), 10_000, 'published');
    await ok(call(leadSocket, 'workshop:setSilent', { silent: true }));
    await ok(call(leadSocket, 'workshop:setStep', { questionId: 'kickoff-q1', step: 'vote' }));
    expect(await refusal(call(aneSocket, 'idea:submitHidden', { idea: draft(ane, 'too late') }))).toBe(ErrorCode.STEP_FORBIDS);
    await ok(call(leadSocket, 'workshop:setLocked', { locked: true }));
    expect(await refusal(call(aneSocket, 'idea:submitHidden', { idea: draft(ane, 'locked', 'kickoff-q2') }))).toBe(ErrorCode.BOARD_LOCKED);
  });
});
