import type * as Y from 'yjs';
import { boardMap, ideasMap, readBoardSettings, readIdea, readIdeas, type Idea } from '../../shared';

export interface MirrorTarget {
  replaceIdeas: (ideas: ReadonlyMap<string, Idea>) => void;
  applyIdeas: (changes: ReadonlyMap<string, Idea | null>) => void;
  setSettings: (settings: ReturnType<typeof readBoardSettings>) => void;
  /** Ideas that appeared through a remote transaction (for the live region). */
  onRemoteAdded: (ideas: Idea[]) => void;
}

/**
 * Mirrors the document into the store. Only the ideas a transaction touched are re-read,
 * so a board with thousands of notes does not re-parse all of them on every keystroke.
 * Returns the function that stops mirroring.
 */
export function mirrorDocument(doc: Y.Doc, target: MirrorTarget): () => void {
  const ideas = ideasMap(doc);
  const board = boardMap(doc);

  const full = new Map<string, Idea>();
  for (const idea of readIdeas(doc)) full.set(idea.id, idea);
  target.replaceIdeas(full);
  target.setSettings(readBoardSettings(doc));

  const known = new Set(full.keys());

  const onIdeas = (events: Y.YEvent<Y.AbstractType<unknown>>[], transaction: Y.Transaction) => {
    const touched = new Set<string>();
    for (const event of events) {
      if (event.target === ideas) {
        for (const key of event.changes.keys.keys()) touched.add(key);
      } else {
        const id = event.path[0];
        if (typeof id === 'string') touched.add(id);
      }
    }
    const changes = new Map<string, Idea | null>();
    const added: Idea[] = [];
    for (const id of touched) {
      const map = ideas.get(id);
      const idea = map ? readIdea(map) : null;
      changes.set(id, idea);
      if (idea && !known.has(id)) added.push(idea);
      if (idea) known.add(id);
      else known.delete(id);
    }
    target.applyIdeas(changes);
    if (!transaction.local && added.length > 0) target.onRemoteAdded(added);
  };

  const onBoard = () => target.setSettings(readBoardSettings(doc));

  ideas.observeDeep(onIdeas);
  board.observeDeep(onBoard);
  return () => {
    ideas.unobserveDeep(onIdeas);
    board.unobserveDeep(onBoard);
  };
}
