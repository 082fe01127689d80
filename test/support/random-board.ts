import * as Y from 'yjs';
import { boardMap, ideasMap, insertIdea, randomId } from '../../shared';
import { foldDocument } from '../../server/store/compact';

/** A tiny seeded generator, so a failure can be replayed. */
export function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/** What each side lacks, both ways: a device syncing with the server. */
export function syncWithServer(server: Y.Doc, device: Y.Doc): void {
  Y.applyUpdate(server, Y.encodeStateAsUpdate(device, Y.encodeStateVector(server)));
  Y.applyUpdate(device, Y.encodeStateAsUpdate(server, Y.encodeStateVector(device)));
}

/**
 * One random edit of a board by a device, as people make them: add an idea, edit or move
 * another's, delete one, retitle the board. Every text written (idea or title) is pushed to
 * `written`, tagged with `seed` and `step`, so a test can look for it in bytes later.
 */
export function randomBoardEdit(device: Y.Doc, rand: () => number, seed: number, step: number, written: string[]): void {
  const ideas = [...ideasMap(device).keys()];
  const pick = () => ideas[Math.floor(rand() * ideas.length)] as string;
  const text = `tekst-${seed}-${step}-${randomId(6)}`;
  const roll = rand();
  if (roll < 0.35 || ideas.length === 0) {
    written.push(text);
    insertIdea(device, { id: randomId(12), text, authorId: 'author0001', authorName: null, contributorType: null, organisation: null, createdAt: step, updatedAt: step, phase: null, principle: null, track: null, beacons: [], questionId: null, position: 'a0' });
  } else if (roll < 0.6) {
    written.push(text);
    ideasMap(device).get(pick())?.set('text', text);
  } else if (roll < 0.8) {
    device.transact(() => {
      ideasMap(device).get(pick())?.set('position', `a${step}`);
      ideasMap(device).get(pick())?.set('clusterId', rand() < 0.5 ? `c${step % 7}` : null);
    });
  } else if (roll < 0.93) {
    ideasMap(device).delete(pick());
  } else {
    written.push(text);
    boardMap(device).set('title', text);
  }
}

/**
 * A board as the server stores it: several devices edit (some concurrently), the server
 * applies their updates to its gc'd document and logs each transaction's update; now and
 * then the log is folded into the snapshot, as compaction does.
 */
export function storedBoard(seed: number) {
  const rand = seededRandom(seed);
  const server = new Y.Doc();
  let snapshot: Uint8Array | null = null;
  let log: Uint8Array[] = [];
  server.on('update', (update: Uint8Array) => log.push(update));
  const devices = [new Y.Doc(), new Y.Doc(), new Y.Doc()];
  const written: string[] = [];
  for (let step = 0; step < 300; step++) {
    const device = devices[Math.floor(rand() * devices.length)] as Y.Doc;
    randomBoardEdit(device, rand, seed, step, written);
    if (rand() < 0.5) syncWithServer(server, device);
    if (rand() < 0.03) {
      snapshot = foldDocument(snapshot, log);
      log = [];
    }
  }
  for (const device of devices) syncWithServer(server, device);
  return { stored: { snapshot, updates: log }, server, written };
}
