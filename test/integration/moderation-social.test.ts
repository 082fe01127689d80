import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ErrorCode,
  readComments,
  readReactions,
  readStatuses,
  type AddCommentResult,
  type IdeaStatusRecord,
  type QueueItem,
  type QueueResult,
  type ReactionResult,
} from '../../shared';
import { createServer } from '../../server/create-server';
import { testConfig } from '../../server/config';
import { SPACE } from '../../server/core/record-spaces';
import { createBoard, eventually, join, openStore, storedDoc } from '../support/harness';
import { contribute, openCall, receipt } from '../support/moderation';
import { call, ok, socketOf, workshopEnv, type WorkshopEnv } from '../support/workshop';

describe('comments, reactions and statuses', () => {
  let env: WorkshopEnv;
  beforeAll(async () => {
    env = await workshopEnv('embedded', null);
  });
  afterAll(() => env.close());

  async function setup() {
    const board = await env.board('kickoff');
    const lead = await env.session(board, 'facilitator', 'Lead');
    const ane = await env.session(board, 'participant', 'Ane');
    const bo = await env.session(board, 'participant', 'Bo');
    const screen = await env.session(board, 'observer');
    const author = await env.yjs(ane);
    const idea = author.addIdea({ text: 'Grønne tage på skolerne' });
    await eventually(() => author.allSaved);
    return { board, lead, ane, bo, screen, author, idea };
  }

  it('publishes comments at once on a board without pre-moderation, once per id', async () => {
    const { ane, bo, screen, idea, author } = await setup();
    const boSocket = await env.socket(bo);
    const projector = await env.yjs(screen);
    const added = await ok(call<AddCommentResult>(boSocket, 'comment:add', { id: 'comment-bo-1', ideaId: idea.id, text: 'God idé – også på plejehjem?' }));
    expect(added).toMatchObject({ state: 'published', comment: { authorName: 'Bo', ideaId: idea.id } });
    const again = await ok(call<AddCommentResult>(boSocket, 'comment:add', { id: 'comment-bo-1', ideaId: idea.id, text: 'God idé – også på plejehjem?' }));
    expect(again.state).toBe('published');
    await eventually(() => readComments(projector.doc).length === 1 && readComments(author.doc).length === 1);
    // Someone else cannot take over the id, nor delete Bo's comment; observers write nothing.
    const aneSocket = await env.socket(ane);
    expect(await call(aneSocket, 'comment:add', { id: 'comment-bo-1', ideaId: idea.id, text: 'Mit' })).toMatchObject({ ok: false, error: { code: ErrorCode.NOT_OWNER } });
    expect(await call(aneSocket, 'comment:delete', { commentId: 'comment-bo-1' })).toMatchObject({ ok: false, error: { code: ErrorCode.NOT_OWNER } });
    const screenSocket = await env.socket(screen);
    expect(await call(screenSocket, 'comment:add', { id: 'comment-sc-1', ideaId: idea.id, text: 'x' })).toMatchObject({ ok: false, error: { code: ErrorCode.READ_ONLY } });
    expect(await call(boSocket, 'comment:add', { id: 'comment-bo-2', ideaId: 'no-such-idea', text: 'x' })).toMatchObject({ ok: false, error: { code: ErrorCode.IDEA_NOT_FOUND } });
    expect(await call(boSocket, 'comment:add', { id: 'comment-bo-3', ideaId: idea.id, text: 'x'.repeat(501) })).toMatchObject({ ok: false, error: { code: ErrorCode.VALIDATION_FAILED } });
    await ok(call(boSocket, 'comment:delete', { commentId: 'comment-bo-1' }));
    await eventually(() => readComments(projector.doc).length === 0);
  });

  it('holds comments for approval when the board is pre-moderated', async () => {
    const { lead, bo, screen, idea } = await setup();
    const leadSocket = await env.socket(lead);
    const boSocket = await env.socket(bo);
    const projector = await env.yjs(screen);
    await openCall(leadSocket, 'pre');
    const added = await ok(call<AddCommentResult>(boSocket, 'comment:add', { id: 'comment-pre-1', ideaId: idea.id, text: 'Venter på godkendelse' }));
    expect(added.state).toBe('pending');
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(readComments(projector.doc)).toHaveLength(0);
    const { items } = await ok(call<QueueResult>(leadSocket, 'moderation:queue', {}));
    expect(items.map((i) => i.kind)).toEqual(['comment']);
    await ok(call(leadSocket, 'moderation:decide', { itemIds: ['comment-pre-1'], decision: 'approve' }));
    await eventually(() => readComments(projector.doc).some((c) => c.text === 'Venter på godkendelse'));
    // Facilitators' own comments are never held.
    const mine = await ok(call<AddCommentResult>(leadSocket, 'comment:add', { id: 'comment-lead-1', ideaId: idea.id, text: 'Tak for input' }));
    expect(mine.state).toBe('published');
  });

  it('toggles reactions, one per person and kind, seen by everyone', async () => {
    const { ane, bo, screen, idea } = await setup();
    const projector = await env.yjs(screen);
    const aneSocket = await env.socket(ane);
    const boSocket = await env.socket(bo);
    expect(await ok(call<ReactionResult>(aneSocket, 'reaction:toggle', { ideaId: idea.id, reaction: 'support' }))).toMatchObject({ active: true });
    await ok(call(boSocket, 'reaction:toggle', { ideaId: idea.id, reaction: 'support' }));
    await ok(call(boSocket, 'reaction:toggle', { ideaId: idea.id, reaction: 'insight' }));
    await eventually(() => readReactions(projector.doc).get(idea.id)?.get('support')?.size === 2);
    expect(await ok(call<ReactionResult>(boSocket, 'reaction:toggle', { ideaId: idea.id, reaction: 'support' }))).toMatchObject({ active: false });
    await eventually(() => readReactions(projector.doc).get(idea.id)?.get('support')?.size === 1);
    expect(await call(boSocket, 'reaction:toggle', { ideaId: idea.id, reaction: 'angry' })).toMatchObject({ ok: false, error: { code: ErrorCode.VALIDATION_FAILED } });
    const screenSocket = await env.socket(screen);
    expect(await call(screenSocket, 'reaction:toggle', { ideaId: idea.id, reaction: 'love' })).toMatchObject({ ok: false, error: { code: ErrorCode.READ_ONLY } });
  });

  it('lets facilitators set a status with a public rationale, keeping every change', async () => {
    const { lead, ane, screen, idea } = await setup();
    const leadSocket = await env.socket(lead);
    const aneSocket = await env.socket(ane);
    const projector = await env.yjs(screen);
    expect(await call(aneSocket, 'idea:setStatus', { ideaId: idea.id, status: 'selected' })).toMatchObject({ ok: false, error: { code: ErrorCode.FORBIDDEN } });
    expect(await call(leadSocket, 'idea:setStatus', { ideaId: idea.id, status: 'not-taken-forward' })).toMatchObject({ ok: false, error: { code: ErrorCode.VALIDATION_FAILED } });
    await ok(call(leadSocket, 'idea:setStatus', { ideaId: idea.id, status: 'considering' }));
    const record = await ok(call<IdeaStatusRecord>(leadSocket, 'idea:setStatus', { ideaId: idea.id, status: 'not-taken-forward', rationale: 'Ligger uden for kommunens budget i 2026' }));
    expect(record.history.map((h) => h.status)).toEqual(['considering', 'not-taken-forward']);
    expect(record.current).toMatchObject({ by: { name: 'Lead', role: 'facilitator' }, rationale: 'Ligger uden for kommunens budget i 2026' });
    await eventually(() => readStatuses(projector.doc).get(idea.id)?.current.status === 'not-taken-forward');
    // Participants cannot write the root themselves.
    const forged = await env.yjs(ane);
    forged.doc.getMap('statuses').set(idea.id, { forged: true });
    await eventually(() => forged.errors.some((e) => e.code === ErrorCode.FORBIDDEN));
  });
});

describe('abuse limits', () => {
  it('refuses over the limit per device and per participant, lets a shared network through, and recovers', async () => {
    const opened = await openStore('embedded', null);
    const server = await createServer({
      store: opened.store,
      config: testConfig({}),
      abuseLimits: {
        contributionsPerIp: { points: 6, seconds: 1 },
        contributionsPerDevice: { points: 2, seconds: 1 },
        commentsPerParticipant: { points: 2, seconds: 1 },
        reactionsPerParticipant: { points: 50, seconds: 1 },
        reportsPerParticipant: { points: 50, seconds: 1 },
        receiptLookupsPerIp: { points: 50, seconds: 1 },
        callSimilarPerIp: { points: 50, seconds: 1 },
      },
    });
    const { url } = await server.listen(0, '127.0.0.1');
    try {
      const board = await createBoard(url, 'kickoff');
      const lead = await join(url, board.boardId, board.tokens.facilitator, 'Lead');
      const leadSocket = await socketOf(url, lead);
      const { callId } = await openCall(leadSocket, 'pre');
      const phone = { 'x-samskab-device': 'phone-of-ane-1' };
      expect((await contribute(url, callId, {}, phone)).status).toBe(201);
      expect((await contribute(url, callId, {}, phone)).status).toBe(201);
      const refused = await contribute(url, callId, {}, phone);
      expect(refused.status).toBe(429);
      expect(refused.body).toMatchObject({ ok: false, error: { code: ErrorCode.RATE_LIMITED } });
      expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);
      // Other phones on the same network (one IP) still get through...
      for (const device of ['phone-of-bo-22', 'phone-of-cy-33']) expect((await contribute(url, callId, {}, { 'x-samskab-device': device })).status).toBe(201);
      // ...until the network's own, larger allowance is spent.
      expect((await contribute(url, callId, {}, { 'x-samskab-device': 'phone-of-di-44' })).status).toBe(201);
      expect((await contribute(url, callId, {}, { 'x-samskab-device': 'phone-of-ed-55' })).status).toBe(429);
      await new Promise((resolve) => setTimeout(resolve, 1100));
      expect((await contribute(url, callId, {}, phone)).status).toBe(201);

      const ane = await join(url, board.boardId, board.tokens.participant, 'Ane');
      const aneSocket = await socketOf(url, ane);
      await ok(call(leadSocket, 'call:configure', { enabled: true, opensAt: null, closesAt: null, moderation: 'post' }));
      const { items } = await ok(call<QueueResult>(leadSocket, 'moderation:queue', {}));
      await ok(call(leadSocket, 'moderation:decide', { itemIds: [items[0]!.id], decision: 'approve' }));
      const ideaId = items[0]!.id;
      await ok(call(aneSocket, 'comment:add', { id: 'rate-comment-1', ideaId, text: '1' }));
      await ok(call(aneSocket, 'comment:add', { id: 'rate-comment-2', ideaId, text: '2' }));
      expect(await call(aneSocket, 'comment:add', { id: 'rate-comment-3', ideaId, text: '3' })).toMatchObject({ ok: false, error: { code: ErrorCode.RATE_LIMITED } });
      await new Promise((resolve) => setTimeout(resolve, 1100));
      await ok(call(aneSocket, 'comment:add', { id: 'rate-comment-3', ideaId, text: '3' }));
      leadSocket.close();
      aneSocket.close();
    } finally {
      await server.close();
      await opened.store.close();
      await opened.cleanup();
    }
  });
});

describe('after a crash between a decision and the document write', () => {
  it('publishes the approved contribution when the board loads again, once', async () => {
    const env = await workshopEnv('embedded', null);
    try {
      const board = await env.board('kickoff');
      const lead = await env.session(board, 'facilitator', 'Lead');
      const { callId } = await openCall(await env.socket(lead), 'pre');
      const sent = await contribute(env.url, callId, { id: 'crash-contribution', text: 'Overlevede et nedbrud' });
      const code = sent.body.ok ? sent.body.data.receipt : '';
      await env.restartWith(async (store) => {
        // What a crash right after the compare-and-set leaves: approved, not in the document.
        const space = SPACE.queue(board.boardId);
        const raw = (await store.getRecord(space, 'crash-contribution'))!;
        const item = JSON.parse(raw) as QueueItem;
        await store.putRecord(space, 'crash-contribution', JSON.stringify({ ...item, state: 'approved', decision: { by: { participantId: lead.identity.participantId, name: 'Lead', role: 'facilitator' }, at: Date.now(), reason: null } }));
      });
      expect((await receipt(env.url, code)).body).toMatchObject({ ok: true, data: { state: 'published' } });
      const doc = await storedDoc(env.store, board.boardId);
      expect([...doc.getMap('ideas').keys()].filter((id) => id === 'crash-contribution')).toHaveLength(1);
    } finally {
      await env.close();
    }
  });
});
