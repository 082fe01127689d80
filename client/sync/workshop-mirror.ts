import type * as Y from 'yjs';
import {
  clustersMap,
  historyMap,
  readClusters,
  readIdeaHistory,
  readVoteTotals,
  readWorkshop,
  votesMap,
  workshopMap,
  type IdeaHistory,
} from '../../shared';
import type { WorkshopSlice } from '../state/slices/workshop';

function readHistories(doc: Y.Doc): Map<string, IdeaHistory> {
  const out = new Map<string, IdeaHistory>();
  for (const ideaId of historyMap(doc).keys()) {
    const history = readIdeaHistory(doc, ideaId);
    if (history) out.set(ideaId, history);
  }
  return out;
}

/**
 * Mirrors the server-only roots into the store. Each root is small (one key per workshop
 * field, one per cluster, per revealed total, per merge target), so a change re-reads its
 * whole root. Returns the function that stops mirroring.
 */
export function mirrorWorkshop(doc: Y.Doc, set: WorkshopSlice['setWorkshopRoots']): () => void {
  const onWorkshop = () => set({ workshop: readWorkshop(doc) });
  const onVotes = () => set({ voteTotals: readVoteTotals(doc) });
  const onClusters = () => set({ clusters: readClusters(doc) });
  const onHistory = () => set({ histories: readHistories(doc) });
  const roots: [Y.Map<unknown>, () => void][] = [
    [workshopMap(doc), onWorkshop],
    [votesMap(doc) as Y.Map<unknown>, onVotes],
    [clustersMap(doc), onClusters],
    [historyMap(doc), onHistory],
  ];
  set({ workshop: readWorkshop(doc), voteTotals: readVoteTotals(doc), clusters: readClusters(doc), histories: readHistories(doc) });
  for (const [map, handler] of roots) map.observe(handler);
  return () => {
    for (const [map, handler] of roots) map.unobserve(handler);
  };
}
