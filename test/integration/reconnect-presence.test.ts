import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode, ErrorCode, YMessage } from '../../shared';
import { RawConnection, TestClient, createBoard, eventually, join, openStore, startServer } from '../support/harness';

/**
 * A phone that loses its network keeps its connection open in the server's eyes until the
 * keepalive gives up (up to 30 s). When it comes back sooner, its new connection announces
 * the same awareness client id: the same session takes the id over (the silent connection
 * is closed), while anyone else's claim to it is still refused.
 */
describe('reconnecting before the server noticed the old connection die', () => {
  let env: Awaited<ReturnType<typeof openStore>>;
  let running: Awaited<ReturnType<typeof startServer>>;
  beforeAll(async () => {
    env = await openStore('embedded', null);
    running = await startServer(env.store);
  });
  afterAll(async () => {
    await running.server.close();
    await env.store.close();
    await env.cleanup();
  });

  /** A connection that announces presence under `clientId` and then goes silent. */
  async function silentConnection(boardId: string, session: string, clientId: number): Promise<RawConnection> {
    const raw = new RawConnection(running.wsUrl, boardId, session);
    await raw.opened;
    const doc = new Y.Doc();
    doc.clientID = clientId;
    const awareness = new Awareness(doc);
    awareness.setLocalState({ editing: null });
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, YMessage.Awareness);
    encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(awareness, [clientId]));
    raw.ws.send(encoding.toUint8Array(encoder));
    awareness.destroy();
    return raw;
  }

  it('lets the same session take its client id over, and closes the silent connection', async () => {
    const board = await createBoard(running.url);
    const ane = await join(running.url, board.boardId, board.tokens.participant, 'Ane');
    const doc = new Y.Doc();
    const old = await silentConnection(board.boardId, ane.sessionToken, doc.clientID);
    await new Promise((resolve) => setTimeout(resolve, 100));

    const back = new TestClient(running.wsUrl, board.boardId, ane, true, doc);
    await back.synced();
    back.provider.awareness.setLocalState({ editing: null });
    expect(await old.closed).toBeGreaterThan(0);
    back.addIdea({ text: 'Skrevet efter genopkoblingen' });
    await eventually(() => back.allSaved, 5000, 'the new connection saves');
    expect(back.errors).toEqual([]);
    expect(back.closes).toEqual([]);
    back.destroy();
  });

  it('still refuses another participant\u2019s claim to a client id in use', async () => {
    const board = await createBoard(running.url);
    const ane = await join(running.url, board.boardId, board.tokens.participant, 'Ane');
    const mallory = await join(running.url, board.boardId, board.tokens.participant, 'Mallory');
    const clientId = 123_456_789;
    const held = await silentConnection(board.boardId, ane.sessionToken, clientId);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const thief = await silentConnection(board.boardId, mallory.sessionToken, clientId);
    expect(await thief.closed).toBe(CloseCode.CLIENT_ID_CONFLICT);
    expect(thief.errors[0]?.code).toBe(ErrorCode.CLIENT_ID_TAKEN);
    expect(held.closeCode).toBeNull();
    held.ws.close();
  });
});
