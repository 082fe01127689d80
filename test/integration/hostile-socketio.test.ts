import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ErrorCode, boardMap, readIdeas, socketCommands, type CreateBoardResponse } from '../../shared';
import { TestClient, createBoard, eventually, join, openStore, socketClient, startServer, storedDoc } from '../support/harness';
import type { TestSocket } from '../support/workshop';

const SEED = 20261127;
const CASES = 3_000;

/** Every command of the socket.io table (shared/protocol/socket-commands.ts), plus names it does not know. */
const EVENTS = [...Object.keys(socketCommands), 'no:such:event', '__proto__', 'constructor'];

/**
 * socket.io commands with payloads of every wrong type, sent by a participant: every answer
 * is a well-formed refusal (or a harmless success), the server stays up, and the board's
 * settings and ideas are unchanged.
 */
describe('hostile socket.io payloads', () => {
  let env: Awaited<ReturnType<typeof openStore>>;
  let running: Awaited<ReturnType<typeof startServer>>;
  let board: CreateBoardResponse;
  let socket: TestSocket;
  let bystander: TestClient;

  beforeAll(async () => {
    env = await openStore('embedded', null);
    running = await startServer(env.store);
    board = await createBoard(running.url, 'kickoff');
    bystander = new TestClient(running.wsUrl, board.boardId, await join(running.url, board.boardId, board.tokens.participant, 'Bystander'));
    await bystander.synced();
    bystander.addIdea({ text: 'urørt', questionId: 'kickoff-q1' });
    await eventually(() => bystander.allSaved, 10_000, 'seeded');
    const session = await join(running.url, board.boardId, board.tokens.participant, 'Fuzzer');
    socket = socketClient(running.url, session.sessionToken);
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  });
  afterAll(async () => {
    socket.close();
    bystander.destroy();
    await running.server.close();
    await env.store.close();
    await env.cleanup();
  });

  it(`answers ${CASES} malformed commands with named refusals and changes nothing`, async () => {
    const before = await storedDoc(env.store, board.boardId);
    const settingsBefore = boardMap(before).toJSON();
    const ideasBefore = readIdeas(before);
    const cases = fc.sample(fc.tuple(fc.constantFrom(...EVENTS), fc.anything({ maxDepth: 3, withObjectString: true, withNullPrototype: true })), {
      numRuns: CASES,
      seed: SEED,
    });
    const codes = new Set<string>(Object.values(ErrorCode));
    const untyped = socket as unknown as { timeout(ms: number): { emitWithAck(event: string, ...args: unknown[]): Promise<unknown> } };
    for (let i = 0; i < cases.length; i += 100) {
      const answers = await Promise.all(
        cases.slice(i, i + 100).map(async ([event, payload]) => {
          try {
            return await untyped.timeout(10_000).emitWithAck(event, payload);
          } catch {
            return 'no answer'; // every request is answered, unknown events included
          }
        }),
      );
      for (const answer of answers) {
        expect(answer).not.toBe('no answer');
        expect(answer).toHaveProperty('ok');
        const ack = answer as { ok: boolean; error?: { code: string } };
        if (!ack.ok) expect(codes.has(ack.error!.code)).toBe(true);
      }
    }
    expect(socket.connected).toBe(true);
    const after = await storedDoc(env.store, board.boardId);
    expect(boardMap(after).toJSON()).toEqual(settingsBefore);
    expect(readIdeas(after)).toEqual(ideasBefore);
    expect(bystander.closes).toEqual([]);
  }, 120_000);
});
