import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode, ErrorCode, boardMap, ideasMap, insertIdea, readIdeas, type CreateBoardResponse } from '../../shared';
import { RawConnection, TestClient, createBoard, eventually, join, openStore, startServer, storedDoc } from '../support/harness';

/**
 * The server enforces who may write what through Yjs (server/realtime/update-policy.ts).
 * Each refusal must close only the offender's connection and leave the stored board as it was.
 */
describe('write rules on the Yjs endpoint', () => {
  let env: Awaited<ReturnType<typeof openStore>>;
  let running: Awaited<ReturnType<typeof startServer>>;
  const clients: TestClient[] = [];

  beforeAll(async () => {
    env = await openStore('embedded', null);
    running = await startServer(env.store);
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await running.server.close();
    await env.store.close();
    await env.cleanup();
  });

  async function connect(board: CreateBoardResponse, role: 'participant' | 'facilitator' | 'observer', name: string | null = null) {
    const session = await join(running.url, board.boardId, board.tokens[role], name);
    const client = new TestClient(running.wsUrl, board.boardId, session);
    clients.push(client);
    await client.synced();
    return client;
  }

  async function scene() {
    const board = await createBoard(running.url, 'kickoff');
    const ane = await connect(board, 'participant', 'Ane');
    const bo = await connect(board, 'participant', 'Bo');
    const idea = ane.addIdea({ text: 'Anes idé' });
    await eventually(() => ane.allSaved && ideasMap(bo.doc).has(idea.id), 10_000, 'idea everywhere');
    const before = Y.encodeStateAsUpdate(await storedDoc(env.store, board.boardId));
    const unchanged = async () => {
      const now = await storedDoc(env.store, board.boardId);
      expect(readIdeas(now)).toEqual(readIdeas(docOf(before)));
      expect(boardMap(now).toJSON()).toEqual(boardMap(docOf(before)).toJSON());
    };
    return { board, ane, bo, idea, unchanged };
  }

  async function refused(client: TestClient, code: ErrorCode, close: CloseCode = CloseCode.FORBIDDEN) {
    await eventually(() => client.closes.length > 0, 10_000, 'close');
    expect(client.errors[0]?.code).toBe(code);
    expect(client.closes[0]).toBe(close);
  }

  it('refuses an observer\u2019s write and keeps the board', async () => {
    const { board, ane, unchanged } = await scene();
    const screen = await connect(board, 'observer');
    screen.addIdea({ text: 'from the projector' });
    await refused(screen, ErrorCode.READ_ONLY);
    await unchanged();
    // Others carry on.
    const later = ane.addIdea({ text: 'still working' });
    await eventually(() => ane.allSaved, 10_000, 'saved');
    expect(readIdeas(await storedDoc(env.store, board.boardId)).some((i) => i.id === later.id)).toBe(true);
  });

  it('refuses editing another participant\u2019s idea', async () => {
    const { bo, idea, unchanged } = await scene();
    ideasMap(bo.doc).get(idea.id)?.set('text', 'Bo rewrote it');
    await refused(bo, ErrorCode.NOT_OWNER);
    await unchanged();
  });

  it('refuses deleting another participant\u2019s idea', async () => {
    const { bo, idea, unchanged } = await scene();
    ideasMap(bo.doc).delete(idea.id);
    await refused(bo, ErrorCode.NOT_OWNER);
    await unchanged();
  });

  it('refuses replacing another participant\u2019s idea under the same id', async () => {
    const { bo, idea, unchanged } = await scene();
    bo.addIdea({ id: idea.id, text: 'Bos version' });
    await refused(bo, ErrorCode.NOT_OWNER);
    await unchanged();
  });

  it('refuses removing a field by writing and deleting it in one update', async () => {
    const { bo, idea, unchanged } = await scene();
    bo.doc.transact(() => {
      const map = ideasMap(bo.doc).get(idea.id);
      map?.set('phase', 2);
      map?.delete('phase');
    });
    await refused(bo, ErrorCode.FORBIDDEN_FIELD);
    await unchanged();
  });

  it('lets anyone who may write move an idea, and the author edit and delete it', async () => {
    const { board, ane, bo, idea } = await scene();
    bo.doc.transact(() => {
      const map = ideasMap(bo.doc).get(idea.id);
      map?.set('phase', 2);
      map?.set('principle', 3);
      map?.set('position', 'b0');
    });
    await eventually(() => ideasMap(ane.doc).get(idea.id)?.get('phase') === 2, 10_000, 'moved');
    ideasMap(ane.doc).get(idea.id)?.set('text', 'Anes bedre idé');
    await eventually(() => ane.allSaved, 10_000, 'saved');
    let stored = readIdeas(await storedDoc(env.store, board.boardId)).find((i) => i.id === idea.id);
    expect(stored).toMatchObject({ text: 'Anes bedre idé', phase: 2, principle: 3 });
    ideasMap(ane.doc).delete(idea.id);
    await eventually(() => ane.allSaved && !ideasMap(bo.doc).has(idea.id), 10_000, 'deleted');
    stored = readIdeas(await storedDoc(env.store, board.boardId)).find((i) => i.id === idea.id);
    expect(stored).toBeUndefined();
    expect(bo.closes).toEqual([]);
  });

  it('lets a facilitator edit and delete anyone\u2019s idea', async () => {
    const { board, ane, idea } = await scene();
    const lead = await connect(board, 'facilitator', 'Facilitator');
    ideasMap(lead.doc).get(idea.id)?.set('text', 'Redigeret af facilitator');
    await eventually(() => ideasMap(ane.doc).get(idea.id)?.get('text') === 'Redigeret af facilitator', 10_000, 'edit');
    ideasMap(lead.doc).delete(idea.id);
    await eventually(() => !ideasMap(ane.doc).has(idea.id), 10_000, 'delete');
    expect(lead.closes).toEqual([]);
  });

  it('refuses an idea written in someone else\u2019s name', async () => {
    const { bo, ane, unchanged } = await scene();
    bo.addIdea({ authorId: ane.identity.participantId, authorName: 'Ane' });
    await refused(bo, ErrorCode.NOT_OWNER);
    await unchanged();
  });

  it('refuses ideas that claim another name, or beacons and questions the board lacks', async () => {
    const first = await scene();
    first.bo.addIdea({ authorName: 'Borgmesteren' });
    await refused(first.bo, ErrorCode.NOT_OWNER);
    await first.unchanged();

    const second = await scene();
    second.bo.addIdea({ beacons: ['no-such-beacon'] });
    await refused(second.bo, ErrorCode.VALIDATION_FAILED);
    await second.unchanged();

    const third = await scene();
    ideasMap(third.bo.doc).get(third.idea.id)?.set('questionId', 'no-such-question');
    await refused(third.bo, ErrorCode.VALIDATION_FAILED);
    await third.unchanged();
  });

  it('refuses invalid ideas and changes to immutable fields', async () => {
    const first = await scene();
    first.bo.addIdea({ text: 'x'.repeat(1001) });
    await refused(first.bo, ErrorCode.VALIDATION_FAILED);
    await first.unchanged();

    const second = await scene();
    ideasMap(second.ane.doc).get(second.idea.id)?.set('createdAt', 0);
    await refused(second.ane, ErrorCode.FORBIDDEN_FIELD);
    await second.unchanged();

    const third = await scene();
    ideasMap(third.bo.doc).get(third.idea.id)?.set('phase', 7);
    await refused(third.bo, ErrorCode.VALIDATION_FAILED);
    await third.unchanged();
  });

  it('refuses writes to the board settings and to unknown roots', async () => {
    const first = await scene();
    boardMap(first.bo.doc).set('title', 'Hijacked');
    await refused(first.bo, ErrorCode.FORBIDDEN);
    await first.unchanged();

    const second = await scene();
    second.bo.doc.getArray('sneaky').push(['x']);
    await refused(second.bo, ErrorCode.FORBIDDEN_FIELD);
    await second.unchanged();
  });

  it('refuses structs written with another participant\u2019s Yjs client id', async () => {
    const { board, ane, unchanged } = await scene();
    const mallory = await join(running.url, board.boardId, board.tokens.participant, 'Mallory');
    const server = await storedDoc(env.store, board.boardId);
    const forged = docOf(Y.encodeStateAsUpdate(server));
    forged.clientID = ane.doc.clientID; // continue Ane's clock, as if Mallory were Ane
    insertIdea(forged, { ...readIdeas(server)[0]!, id: 'forged-idea-1', authorId: mallory.identity.participantId, text: 'as Ane' });
    const raw = new RawConnection(running.wsUrl, board.boardId, mallory.sessionToken);
    await raw.opened;
    raw.sendUpdate(Y.encodeStateAsUpdate(forged, Y.encodeStateVector(server)));
    expect(await raw.closed).toBe(CloseCode.FORBIDDEN);
    expect(raw.errors[0]?.code).toBe(ErrorCode.CLIENT_ID_TAKEN);
    await unchanged();
  });
});

function docOf(update: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return doc;
}
