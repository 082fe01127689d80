import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { ROOT, YMessage, YSyncStep, boardMap, ideasMap, insertIdea, randomId } from '../../shared';
import { hashToken, newToken } from '../../server/core/tokens';
import { PIECE_BYTES } from '../../server/store/pieces/split';
import { TestClient, eventually, join } from '../support/harness';
import { workshopEnv, type WorkshopEnv } from '../support/workshop';

/**
 * The real wiring of a large board's first sync: a y-websocket provider and a bare socket
 * join a board of about 2.5 times PIECE_BYTES (3,500 ideas), cold (answered from the stored bytes while
 * the room loads) and warm (from the room's cached answer). Each gets it as several update
 * messages and one sync step 2, and ends up with the whole board, no deleted text in any byte.
 */

/** Every message's kind in order, sync payloads applied. */
class RawJoiner {
  readonly doc = new Y.Doc();
  readonly kinds: string[] = [];
  readonly frames: Buffer[] = [];
  private readonly ws: WebSocket;

  constructor(wsUrl: string, boardId: string, session: string) {
    this.ws = new WebSocket(`${wsUrl}/yjs/${boardId}?session=${encodeURIComponent(session)}`);
    this.ws.on('open', () => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, YMessage.Sync);
      encoding.writeVarUint(encoder, YSyncStep.Step1);
      encoding.writeVarUint8Array(encoder, Y.encodeStateVector(new Y.Doc()));
      this.ws.send(encoding.toUint8Array(encoder));
    });
    this.ws.on('message', (data: Buffer) => {
      this.frames.push(data);
      const decoder = decoding.createDecoder(new Uint8Array(data));
      if (decoding.readVarUint(decoder) !== YMessage.Sync) return;
      const step = decoding.readVarUint(decoder);
      this.kinds.push(['step1', 'step2', 'update'][step] ?? `sync:${step}`);
      if (step !== YSyncStep.Step1) Y.applyUpdate(this.doc, decoding.readVarUint8Array(decoder));
    });
  }

  close(): void {
    this.ws.close();
    this.doc.destroy();
  }
}

const IDEAS = 3_500;
const contents = (doc: Y.Doc) => Object.fromEntries(Object.values(ROOT).map((name) => [name, doc.getMap(name).toJSON()]));
const clocks = (doc: Y.Doc) => JSON.stringify([...Y.decodeStateVector(Y.encodeStateVector(doc))].sort((x, y) => x[0] - y[0]));

describe('a large board reaches a new device in pieces', () => {
  let env: WorkshopEnv;
  beforeAll(async () => {
    env = await workshopEnv('embedded', null);
  });
  afterAll(() => env?.close());

  // Stored as a compaction leaves it (the snapshot and its piece plan: store/pieces/plan.ts), or still as one update in the log.
  it.each(['compacted', 'in the log'])('cold and warm, the board %s: updates, then one step 2, then every idea, nothing deleted in any byte', async (stored) => {
    const tokens = { facilitator: newToken(), participant: newToken(), observer: newToken() };
    const boardId = `big${randomId(9)}`;
    await env.restartWith(async (store) => {
      await store.createBoard({
        id: boardId,
        createdAt: 1,
        template: 'blank',
        title: 'Stor tavle',
        tokenHashes: { facilitator: hashToken(tokens.facilitator), participant: hashToken(tokens.participant), observer: hashToken(tokens.observer) },
      });
      // Written by many devices (Yjs clients), as a real board is.
      const doc = new Y.Doc();
      boardMap(doc).set('title', 'Stor tavle');
      for (let i = 0; i < IDEAS; i++) {
        if (i % 50 === 0) doc.clientID = 1_000 + i;
        const text = i === 1_234 ? 'HEMMELIG original tekst' : `Idé nummer ${i} om noget som fylder lidt`;
        insertIdea(doc, { id: `idea${String(i).padStart(8, '0')}`, text, authorId: randomId(16), authorName: null, contributorType: null, organisation: null, createdAt: i, updatedAt: i, phase: null, principle: null, track: null, beacons: [], questionId: null, position: `a${i % 9}` });
      }
      const first = Y.encodeStateAsUpdate(doc);
      expect(first.length).toBeGreaterThan(2 * PIECE_BYTES);
      const vector = Y.encodeStateVector(doc);
      doc.clientID = 999;
      ideasMap(doc).get('idea00001234')!.set('text', 'Redigeret tekst'); // the stored log keeps the original
      ideasMap(doc).get('idea00000007')!.set('position', 'z0'); // a move by another client
      await store.appendUpdate(`board:${boardId}`, first);
      if (stored === 'compacted') {
        await store.compactDocument(`board:${boardId}`);
        expect((await store.loadDocument(`board:${boardId}`)).plan).toBeTruthy();
      }
      await store.appendUpdate(`board:${boardId}`, Y.encodeStateAsUpdate(doc, vector));
    });
    const wsUrl = env.url.replace('http', 'ws');
    const session = await join(env.url, boardId, tokens.participant);

    // The load waits (in a load hook) until the early answer is in, so what came first is from the stored bytes.
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    env.server.rooms.onLoad(() => gate);

    const cold = new RawJoiner(wsUrl, boardId, session.sessionToken);
    const provider = new TestClient(wsUrl, boardId, session);
    await eventually(() => ideasMap(cold.doc).size === IDEAS && ideasMap(provider.doc).size === IDEAS, 20_000, 'the stored ideas');
    // The stored state as updates, the snapshot-sized one in pieces; the room's step 1 and step 2 wait for the load.
    expect(cold.kinds.length).toBeGreaterThanOrEqual(4);
    expect(new Set(cold.kinds)).toEqual(new Set(['update']));
    expect(provider.provider.synced).toBe(false);
    open();
    await provider.synced();
    await eventually(() => cold.kinds.includes('step2'), 10_000, 'the cold answer');
    const room = env.server.rooms.peek(boardId);
    if (!room) throw new Error('room not loaded');
    const warm = new RawJoiner(wsUrl, boardId, session.sessionToken);
    const later = new TestClient(wsUrl, boardId, session);
    await later.synced();
    await eventually(() => warm.kinds.includes('step2'), 10_000, 'the warm answer');

    // Warm: the room's step 1, then its cached answer: pieces as updates, the last the step 2.
    const answer = warm.kinds.filter((kind) => kind !== 'step1');
    expect(answer.length).toBeGreaterThanOrEqual(3);
    expect(answer).toEqual([...answer.slice(0, -1).map(() => 'update'), 'step2']);
    for (const frame of warm.frames) expect(frame.length).toBeLessThanOrEqual(PIECE_BYTES + 16);

    for (const doc of [cold.doc, warm.doc, provider.doc, later.doc]) {
      expect(clocks(doc)).toEqual(clocks(room.doc));
      expect(contents(doc)).toEqual(contents(room.doc));
    }
    expect(ideasMap(later.doc).get('idea00001234')?.get('text')).toBe('Redigeret tekst');
    expect(ideasMap(later.doc).get('idea00000007')?.get('position')).toBe('z0');
    for (const joiner of [cold, warm]) expect(joiner.frames.some((frame) => frame.includes(Buffer.from('HEMMELIG')))).toBe(false);
    expect(provider.closes).toEqual([]);
    expect(later.closes).toEqual([]);
    cold.close();
    warm.close();
    provider.destroy();
    later.destroy();
  });
});
