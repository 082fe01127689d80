import type * as Y from 'yjs';
import { boardMap, ideasMap, readBoardSettings, readIdea, readIdeas, type Idea } from '../../shared';

export interface MirrorTarget {
  replaceIdeas: (ideas: ReadonlyMap<string, Idea>) => void;
  applyIdeas: (changes: ReadonlyMap<string, Idea | null>) => void;
  /** applyIdeas in two steps (content.ts): a held first sync is computed in one task and rendered in the next. */
  prepareIdeas?: (changes: ReadonlyMap<string, Idea | null>) => () => void;
  setSettings: (settings: ReturnType<typeof readBoardSettings>) => void;
  /** Ideas that appeared through a remote transaction (for the live region). */
  onRemoteAdded: (ideas: Idea[]) => void;
  /**
   * While this says so (the board's first sync is still arriving), large remote pieces are
   * not stored after a quiet moment but held until `flush()` (sync complete) or until the
   * oldest has waited MAX_WAIT_MS: the pieces of one answer arrive together and are applied
   * back to back, and every store change between them re-sorts the groups and has React
   * mount and replace the top notes of every list, work the next piece throws away.
   */
  holdPieces?: () => boolean;
}

export interface Mirror {
  /** Stores what waits now (the first sync is complete). */
  flush(): void;
  stop(): void;
}

/**
 * A remote transaction touching more ideas than this (a piece of a first sync, a catch-up
 * after reconnecting) reaches the store in a task of its own, after the one that applied it.
 */
export const DEFER_ABOVE = 256;
/** Deferred changes are stored once no further large piece came for this long… */
export const QUIET_MS = 16;
/** …or once the oldest of them has waited this long (a slow link still shows progress). */
const MAX_WAIT_MS = 1000;

/**
 * Mirrors the document into the store. Only the ideas a transaction touched are re-read,
 * so a board with thousands of notes does not re-parse all of them on every keystroke.
 *
 * A large remote transaction is read at once, but stored (and so rendered by React) in the
 * next task rather than in the one where Yjs applied it: a 10,000-idea board arrives as
 * several pieces, each applied by y-websocket in its own task, and storing and rendering a
 * piece in that same task made it the page's longest (issue 17). Pieces that follow each
 * other closely are stored together, once (QUIET_MS): each store change re-renders the
 * groups and mounts the notes that a piece brings to the top of a list, only to replace
 * them with the next piece's, so storing every piece cost React work and total time. A
 * later remote transaction joins what is pending; a local one first stores what is
 * pending, then itself, at once, so the store never shows a change before an earlier one.
 */
export function mirrorDocument(doc: Y.Doc, target: MirrorTarget): Mirror {
  const ideas = ideasMap(doc);
  const board = boardMap(doc);

  const full = new Map<string, Idea>();
  for (const idea of readIdeas(doc)) full.set(idea.id, idea);
  target.replaceIdeas(full);
  target.setSettings(readBoardSettings(doc));

  const known = new Set(full.keys());
  /** Changes read from deferred remote transactions, not yet stored (later ones overwrite). */
  let pending: Map<string, Idea | null> | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pendingSince = 0;

  /** A prepared store change not yet committed: it goes before anything stored after it. */
  let prepared: (() => void) | null = null;
  const commitPrepared = () => {
    const commit = prepared;
    prepared = null;
    commit?.();
  };
  const store = (changes: ReadonlyMap<string, Idea | null>) => {
    commitPrepared();
    target.applyIdeas(changes);
  };

  const flush = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    const changes = pending;
    pending = null;
    if (!changes) return;
    if (changes.size > DEFER_ABOVE && target.prepareIdeas) {
      // Computed now, rendered in the next task: together they were the page's longest task.
      commitPrepared();
      prepared = target.prepareIdeas(changes);
      setTimeout(commitPrepared, 0);
    } else store(changes);
  };

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
    if (!transaction.local && (pending !== null || touched.size > DEFER_ABOVE)) {
      if (!pending) {
        pending = new Map();
        pendingSince = Date.now();
      }
      for (const [id, idea] of changes) pending.set(id, idea);
      // Each piece restarts the quiet time, until the oldest change is overdue: then the flush
      // already scheduled stays, so a steady stream of pieces cannot keep pushing it back.
      const overdue = Date.now() - pendingSince >= MAX_WAIT_MS;
      if (timer === null || !overdue) {
        if (timer !== null) clearTimeout(timer);
        const holding = target.holdPieces?.() ?? false;
        timer = setTimeout(flush, overdue ? 0 : holding ? MAX_WAIT_MS - (Date.now() - pendingSince) : QUIET_MS);
      }
    } else {
      if (pending) flush();
      store(changes);
    }
    // Told now, as the transaction happens (the sync layer announces only live news).
    if (!transaction.local && added.length > 0) target.onRemoteAdded(added);
  };

  const onBoard = () => target.setSettings(readBoardSettings(doc));

  ideas.observeDeep(onIdeas);
  board.observeDeep(onBoard);
  return {
    flush,
    stop: () => {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      pending = null;
      prepared = null;
      ideas.unobserveDeep(onIdeas);
      board.unobserveDeep(onBoard);
    },
  };
}
