import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import { ideasMap, readIdeas } from '../../shared';
import type { BoardStore } from '../../server/store/board-store';
import { TestClient, createBoard, eventually, join, openStore, startServer, storedDoc } from '../support/harness';

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8, 20261127];
const USERS = 4;
const STEPS = 150;

type Op =
  | { kind: 'add'; user: number }
  | { kind: 'edit'; user: number; pick: number }
  | { kind: 'move'; user: number; pick: number; phase: 1 | 2 | 3 }
  | { kind: 'delete'; user: number; pick: number }
  | { kind: 'toggle'; user: number }
  | { kind: 'settle' };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('add' as const), user: fc.nat(USERS - 1) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('edit' as const), user: fc.nat(USERS - 1), pick: fc.nat() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('move' as const), user: fc.nat(USERS - 1), pick: fc.nat(), phase: fc.constantFrom(1 as const, 2 as const, 3 as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), user: fc.nat(USERS - 1), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('toggle' as const), user: fc.nat(USERS - 1) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'settle' as const }) },
);

/**
 * Yjs-style randomised convergence with the real server in the loop: several users add,
 * edit, move and delete while randomly dropping off and coming back (so their updates reach
 * the server late and out of step with everyone else's). At the end every client's board
 * equals the one rebuilt from the store.
 */
describe('convergence under random disconnects', () => {
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

  it.each(SEEDS)('converges for seed %i', async (seed) => {
    const board = await createBoard(running.url);
    const users: TestClient[] = [];
    for (let i = 0; i < USERS; i++) {
      users.push(new TestClient(running.wsUrl, board.boardId, await join(running.url, board.boardId, board.tokens.participant, `Bruger ${i}`)));
    }
    await Promise.all(users.map((u) => u.synced()));
    const ops = fc.sample(opArb, { numRuns: STEPS, seed });

    for (const op of ops) {
      if (op.kind === 'settle') {
        await new Promise((resolve) => setTimeout(resolve, 5));
        continue;
      }
      const user = users[op.user]!;
      const own = readIdeas(user.doc).filter((i) => i.authorId === user.identity.participantId);
      const all = readIdeas(user.doc);
      switch (op.kind) {
        case 'add':
          user.addIdea({ text: `idé fra ${op.user}` });
          break;
        case 'edit': {
          const idea = own[op.pick % Math.max(own.length, 1)];
          if (idea) ideasMap(user.doc).get(idea.id)?.set('text', `${idea.text}!`);
          break;
        }
        case 'move': {
          const idea = all[op.pick % Math.max(all.length, 1)];
          if (idea) ideasMap(user.doc).get(idea.id)?.set('phase', op.phase);
          break;
        }
        case 'delete': {
          const idea = own[op.pick % Math.max(own.length, 1)];
          if (idea) ideasMap(user.doc).delete(idea.id);
          break;
        }
        case 'toggle':
          if (user.provider.shouldConnect) user.provider.disconnect();
          else user.provider.connect();
          break;
      }
    }
    for (const user of users) if (!user.provider.shouldConnect) user.provider.connect();

    await eventually(() => users.every((u) => u.provider.synced && u.allSaved), 30_000, 'everyone saved');
    const stored = await storedDoc(env.store, board.boardId);
    const expected = sortById(readIdeas(stored));
    await eventually(() => users.every((u) => JSON.stringify(sortById(readIdeas(u.doc))) === JSON.stringify(expected)), 30_000, 'convergence');
    for (const user of users) {
      expect(sortById(readIdeas(user.doc))).toEqual(expected);
      expect(user.closes.filter((code) => code >= 4000)).toEqual([]);
      expect(Y.encodeStateVector(user.doc)).toEqual(Y.encodeStateVector(stored));
      user.destroy();
    }
  }, 90_000);
});

function sortById<T extends { id: string }>(items: T[]): T[] {
  return [...items].sort((a, b) => a.id.localeCompare(b.id));
}

export type { BoardStore };
