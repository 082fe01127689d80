import type * as Y from 'yjs';
import type { IdeaStage } from '../state/slices/content';
import { boardMap, ideasMap, readBoardSettings, readIdea, readIdeas, type Idea } from '../../shared';

export interface MirrorTarget {
  replaceIdeas: (ideas: ReadonlyMap<string, Idea>) => void;
  applyIdeas: (changes: ReadonlyMap<string, Idea | null>) => void;
  /**
   * applyIdeas in steps (content.ts): changes are folded into the next store state as they
   * come, and stored together by `commit`, in a later task than the last fold.
   */
  stageIdeas?: () => IdeaStage;
  setSettings: (settings: ReturnType<typeof readBoardSettings>) => void;
  /** Ideas that appeared through a remote transaction (for the live region). */
  onRemoteAdded: (ideas: Idea[]) => void;
  /**
   * While this says so (the board's first sync is still arriving), every remote transaction
   * is held, however small, until `flush()` (sync complete) or until the oldest has waited
   * HOLD_MAX_MS: the pieces of one answer arrive together, and every store change between
   * them re-sorts the groups and has React mount and replace the top notes of every list,
   * work the next piece throws away. Held pieces are folded into a stage each in a task of
   * its own, between the pieces' applies, so the end of the sync only stores.
   */
  holdPieces?: () => boolean;
}

export interface Mirror {
  /**
   * Stores what waits now (the first sync is complete); `then` runs once it is in the store
   * (a held first sync is stored in a task after the flush's).
   */
  flush(then?: () => void): void;
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
 * …or, while a first sync's pieces are held, this long: storing mid-sync renders every list
 * twice (measured on a 10,000-idea board: a sync of about a second, and the render mid-way
 * cost a fifth of a second more in all), and a slow link still shows progress.
 */
export const HOLD_MAX_MS = 2000;

/**
 * Mirrors the document into the store. Only the ideas a transaction touched are re-read,
 * so a board with thousands of notes does not re-parse all of them on every keystroke.
 *
 * A large remote transaction is read at once, but stored (and so rendered by React) in a
 * later task than the one where Yjs applied it: a 10,000-idea board arrives as several
 * pieces, each applied by y-websocket in its own task, and storing and rendering a piece in
 * that same task made it the page's longest (issue 17). Pieces that follow each other
 * closely are stored together, once (QUIET_MS; during a first sync, when it completes):
 * each store change re-renders the groups and mounts the notes that a piece brings to the
 * top of a list, only to replace them with the next piece's. A first sync's pieces are
 * folded into the next store state one by one, each in the task after its apply, so that
 * its end only stores and renders: folding all of a 10,000-idea board at the end was a
 * task of up to a quarter of a second. A later remote transaction joins what waits; a
 * local one first stores what waits, then itself, at once, so the store never shows a
 * change before an earlier one.
 */
export function mirrorDocument(doc: Y.Doc, target: MirrorTarget): Mirror {
  const ideas = ideasMap(doc);
  const board = boardMap(doc);

  const full = new Map<string, Idea>();
  for (const idea of readIdeas(doc)) full.set(idea.id, idea);
  target.replaceIdeas(full);
  target.setSettings(readBoardSettings(doc));

  const known = new Set(full.keys());
  /** Changes read from deferred remote transactions, not yet folded or stored (later ones overwrite). */
  let pending: Map<string, Idea | null> | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pendingSince = 0;
  /** Changes folded into the next store state, not yet stored: older than `pending`. */
  let stage: IdeaStage | null = null;
  let foldTask: ReturnType<typeof setTimeout> | null = null;
  let commitTask: ReturnType<typeof setTimeout> | null = null;

  const foldPending = () => {
    if (!pending || !target.stageIdeas) return;
    stage ??= target.stageIdeas();
    stage.add(pending);
    pending = null;
  };
  /** Told once everything waiting now is stored (flush's `then`). */
  let whenStored: Array<() => void> = [];
  /** Stores everything waiting, oldest first: the stage, then what is pending. */
  const storeWaiting = () => {
    if (stage) foldPending();
    const staged = stage;
    stage = null;
    staged?.commit();
    const changes = pending;
    pending = null;
    if (changes) target.applyIdeas(changes);
    const told = whenStored;
    whenStored = [];
    for (const then of told) then();
  };

  const flush = (then?: () => void) => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (then) whenStored.push(then);
    if (pending && (stage || pending.size > DEFER_ABOVE)) foldPending();
    if (stage) {
      // Folded now, stored in the next task: computing and React's render together were the page's longest task.
      commitTask ??= setTimeout(() => {
        commitTask = null;
        storeWaiting();
      }, 0);
    } else storeWaiting();
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
    const holding = !transaction.local && touched.size > 0 && (target.holdPieces?.() ?? false);
    if (!transaction.local && (pending !== null || stage !== null || touched.size > DEFER_ABOVE || holding)) {
      if (!pending) {
        pending = new Map();
        if (!stage) pendingSince = Date.now();
      }
      for (const [id, idea] of changes) pending.set(id, idea);
      // Folded in a task of its own, while the next piece is on its way.
      if (holding && target.stageIdeas) {
        foldTask ??= setTimeout(() => {
          foldTask = null;
          foldPending();
        }, 0);
      }
      // Each piece restarts the quiet time, until the oldest change is overdue: then the flush
      // already scheduled stays, so a steady stream of pieces cannot keep pushing it back.
      const limit = holding ? HOLD_MAX_MS : MAX_WAIT_MS;
      const overdue = Date.now() - pendingSince >= limit;
      if (timer === null || !overdue) {
        if (timer !== null) clearTimeout(timer);
        timer = setTimeout(flush, overdue ? 0 : holding ? limit - (Date.now() - pendingSince) : QUIET_MS);
      }
    } else {
      storeWaiting();
      target.applyIdeas(changes);
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
      for (const task of [timer, foldTask, commitTask]) if (task !== null) clearTimeout(task);
      timer = foldTask = commitTask = null;
      pending = null;
      stage = null;
      whenStored = [];
      ideas.unobserveDeep(onIdeas);
      board.unobserveDeep(onBoard);
    },
  };
}
