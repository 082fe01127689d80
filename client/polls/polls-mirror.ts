import type * as Y from 'yjs';
import { pollsMap, readPolls } from '../../shared';
import { usePollsStore } from './polls-store';

/**
 * Mirrors the board document's `polls` root (opened and closed polls) into the polls store (the server writes it as
 * plain values, so a shallow observer sees every change). Call where the document is opened
 * (client/sync/board-sync.ts), with the other mirrors; returns the function that stops it.
 */
export function mirrorPolls(doc: Y.Doc): () => void {
  const map = pollsMap(doc);
  const update = () => usePollsStore.getState().setPublished(readPolls(doc));
  update();
  map.observe(update);
  return () => map.unobserve(update);
}
