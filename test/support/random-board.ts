import * as Y from 'yjs';
import { boardMap, ideasMap, insertIdea, randomId } from '../../shared';

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
