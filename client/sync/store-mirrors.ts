import type * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import type { Idea } from '../../shared';
import { mirrorPolls } from '../polls/polls-mirror';
import type { BoardState } from '../state/board-store';
import { mirrorDocument, type Mirror } from './mirror';
import { watchPresence } from './presence';
import { mirrorSocial } from './social-mirror';
import { mirrorWorkshop } from './workshop-mirror';

/**
 * Everything of one board document the store mirrors (ideas and settings, workshop state,
 * comments and reactions, polls) and the presence its provider hears, started together
 * and stopped together. The document stays the source of truth; the store follows it.
 */
export function mirrorIntoStore(doc: Y.Doc, provider: WebsocketProvider, store: BoardState, onRemoteAdded?: (ideas: Idea[]) => void): Mirror {
  const ideas = mirrorDocument(doc, {
    // Connected and not yet synced: the pieces of the first sync are arriving.
    holdPieces: () => provider.wsconnected && !provider.synced,
    replaceIdeas: store.replaceIdeas,
    applyIdeas: store.applyIdeas,
    stageIdeas: store.stageIdeas,
    setSettings: store.setSettings,
    onRemoteAdded: (added) => {
      // The first sync after (re)connecting brings everything missed; only live news is announced.
      if (provider.synced) onRemoteAdded?.(added);
    },
  });
  const stops = [
    watchPresence(provider.awareness, store.setPresent),
    mirrorWorkshop(doc, store.setWorkshopRoots),
    // Starts by replacing the previous document's comments, reactions and statuses wholesale.
    mirrorSocial(doc, store),
    mirrorPolls(doc),
  ];
  return {
    flush: ideas.flush,
    stop: () => {
      ideas.stop();
      for (const stop of stops) stop();
    },
  };
}
