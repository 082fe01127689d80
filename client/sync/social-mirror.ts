import type * as Y from 'yjs';
import {
  commentSchema,
  commentsMap,
  ideaOriginSchema,
  ideaStatusRecordSchema,
  initiativeSchema,
  initiativesMap,
  originsMap,
  parseReactionKey,
  readReactionEntry,
  reactionsMap,
  statusesMap,
  type Comment,
  type IdeaOrigin,
  type IdeaStatusRecord,
  type Initiative,
  type Reaction,
} from '../../shared';
import type { IdeaReactions, InitiativeRef, SocialSlice } from '../state/slices/social';

export type SocialMirrorTarget = Pick<SocialSlice, 'replaceSocial' | 'patchSocial'>;

const byAge = (a: Comment, b: Comment) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1);

/**
 * Published comments grouped by idea. Kept by comment id too, because a deleted comment's
 * key no longer says which idea it was on.
 */
export class CommentIndex {
  private readonly byIdea = new Map<string, Map<string, Comment>>();
  private readonly ideaOf = new Map<string, string>();

  /** Records one comment's new value (null: gone); returns the ideas whose list changed. */
  put(commentId: string, value: unknown): string[] {
    const touched: string[] = [];
    const before = this.ideaOf.get(commentId);
    if (before !== undefined) {
      this.byIdea.get(before)?.delete(commentId);
      this.ideaOf.delete(commentId);
      touched.push(before);
    }
    const parsed = value === undefined ? null : commentSchema.safeParse(value);
    if (parsed?.success && parsed.data.id === commentId) {
      const comment = parsed.data;
      let list = this.byIdea.get(comment.ideaId);
      if (!list) this.byIdea.set(comment.ideaId, (list = new Map()));
      list.set(commentId, comment);
      this.ideaOf.set(commentId, comment.ideaId);
      if (comment.ideaId !== before) touched.push(comment.ideaId);
    }
    return touched;
  }

  /** One idea's comments, oldest first; null when it has none. */
  of(ideaId: string): Comment[] | null {
    const list = this.byIdea.get(ideaId);
    if (!list || list.size === 0) return null;
    return [...list.values()].sort(byAge);
  }

  all(): Map<string, Comment[]> {
    const out = new Map<string, Comment[]>();
    for (const ideaId of this.byIdea.keys()) {
      const list = this.of(ideaId);
      if (list) out.set(ideaId, list);
    }
    return out;
  }
}

/**
 * Reactions grouped by idea, from the `reactions` root: one value per idea id, or (boards
 * written before, until the server converts them) one key `<ideaId>/<reaction>/<participantId>`
 * per reaction.
 */
export class ReactionIndex {
  private readonly byIdea = new Map<string, Map<Reaction, Set<string>>>();

  /** Records one entry's new value (undefined: gone); returns the idea it belongs to (null: not a reaction entry). */
  put(key: string, value: unknown): string | null {
    const legacy = parseReactionKey(key);
    if (!legacy) {
      if (key.includes('/')) return null;
      // A whole idea's reactions: replaced, or gone.
      const entry = value === undefined ? null : readReactionEntry(key, value);
      if (entry && entry.reactions.size > 0) this.byIdea.set(key, entry.reactions);
      else this.byIdea.delete(key);
      return key;
    }
    let idea = this.byIdea.get(legacy.ideaId);
    if (!idea) this.byIdea.set(legacy.ideaId, (idea = new Map()));
    let who = idea.get(legacy.reaction);
    if (!who) idea.set(legacy.reaction, (who = new Set()));
    if (value !== undefined) who.add(legacy.participantId);
    else who.delete(legacy.participantId);
    if (who.size === 0) idea.delete(legacy.reaction);
    if (idea.size === 0) this.byIdea.delete(legacy.ideaId);
    return legacy.ideaId;
  }

  /** A fresh snapshot of one idea's reactions (the store never shares the index's sets); null: none. */
  of(ideaId: string): IdeaReactions | null {
    const idea = this.byIdea.get(ideaId);
    if (!idea) return null;
    const out: Partial<Record<Reaction, ReadonlySet<string>>> = {};
    for (const [reaction, who] of idea) out[reaction] = new Set(who);
    return out;
  }

  all(): Map<string, IdeaReactions> {
    const out = new Map<string, IdeaReactions>();
    for (const ideaId of this.byIdea.keys()) {
      const snapshot = this.of(ideaId);
      if (snapshot) out.set(ideaId, snapshot);
    }
    return out;
  }
}

const sameRefs = (a: readonly InitiativeRef[] | undefined, b: readonly InitiativeRef[]) =>
  a !== undefined && a.length === b.length && a.every((ref, i) => ref.id === b[i]?.id && ref.title === b[i]?.title);

/**
 * Initiatives by id, and the reverse link from each idea to the initiatives it feeds. An
 * idea's list keeps its identity while unchanged, so saving one initiative re-renders only
 * the notes it names (and those it stopped naming).
 */
export class InitiativeIndex {
  private readonly byId = new Map<string, Initiative>();
  private refs = new Map<string, readonly InitiativeRef[]>();

  /** Records one initiative's new value (undefined or invalid: gone). */
  put(id: string, value: unknown): void {
    const parsed = value === undefined ? null : initiativeSchema.safeParse(value);
    if (parsed?.success && parsed.data.id === id) this.byId.set(id, parsed.data);
    else this.byId.delete(id);
  }

  /** Oldest first, ties by id: the order the board shows them in. */
  list(): Initiative[] {
    return [...this.byId.values()].sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
  }

  /** Recomputes idea → initiatives; returns the ideas whose list changed (null: it feeds none now). */
  refresh(): Map<string, readonly InitiativeRef[] | null> {
    const next = new Map<string, InitiativeRef[]>();
    for (const initiative of this.list()) {
      for (const ideaId of new Set(initiative.ideaIds)) {
        let list = next.get(ideaId);
        if (!list) next.set(ideaId, (list = []));
        list.push({ id: initiative.id, title: initiative.title });
      }
    }
    const changes = new Map<string, readonly InitiativeRef[] | null>();
    const kept = new Map<string, readonly InitiativeRef[]>();
    for (const [ideaId, list] of next) {
      const before = this.refs.get(ideaId);
      if (before && sameRefs(before, list)) kept.set(ideaId, before);
      else {
        kept.set(ideaId, list);
        changes.set(ideaId, list);
      }
    }
    for (const ideaId of this.refs.keys()) if (!next.has(ideaId)) changes.set(ideaId, null);
    this.refs = kept;
    return changes;
  }

  byIdea(): Map<string, readonly InitiativeRef[]> {
    return new Map(this.refs);
  }
}

function readOrigin(value: unknown): IdeaOrigin | null {
  const parsed = ideaOriginSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

function readStatus(value: unknown): IdeaStatusRecord | null {
  const parsed = ideaStatusRecordSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** The keys a transaction changed in one root map. */
function changedKeys(event: Y.YMapEvent<unknown>): Iterable<string> {
  return event.changes.keys.keys();
}

/**
 * Mirrors the `comments`, `reactions`, `statuses`, `initiatives` and `origins` roots into
 * the store. Only the keys a transaction touched are re-read, and only the ideas they
 * belong to are replaced in the store, so a reaction on one note re-renders that note
 * alone. All these roots are written by the server as plain values, so a shallow observer
 * sees every change.
 * Returns the function that stops mirroring.
 */
export function mirrorSocial(doc: Y.Doc, target: SocialMirrorTarget): () => void {
  const comments = commentsMap(doc);
  const reactions = reactionsMap(doc) as Y.Map<unknown>;
  const statuses = statusesMap(doc);
  const initiatives = initiativesMap(doc);
  const origins = originsMap(doc);
  const commentIndex = new CommentIndex();
  const reactionIndex = new ReactionIndex();
  const initiativeIndex = new InitiativeIndex();

  for (const [id, value] of comments.entries()) commentIndex.put(id, value);
  for (const [key, value] of reactions.entries()) reactionIndex.put(key, value);
  const statusAll = new Map<string, IdeaStatusRecord>();
  for (const [ideaId, value] of statuses.entries()) {
    const record = readStatus(value);
    if (record) statusAll.set(ideaId, record);
  }
  for (const [id, value] of initiatives.entries()) initiativeIndex.put(id, value);
  initiativeIndex.refresh();
  const originAll = new Map<string, IdeaOrigin>();
  for (const [ideaId, value] of origins.entries()) {
    const origin = readOrigin(value);
    if (origin) originAll.set(ideaId, origin);
  }
  target.replaceSocial({
    comments: commentIndex.all(),
    reactions: reactionIndex.all(),
    statuses: statusAll,
    initiatives: initiativeIndex.list(),
    ideaInitiatives: initiativeIndex.byIdea(),
    origins: originAll,
  });

  const onComments = (event: Y.YMapEvent<unknown>) => {
    const touched = new Set<string>();
    for (const id of changedKeys(event)) for (const ideaId of commentIndex.put(id, comments.get(id))) touched.add(ideaId);
    if (touched.size === 0) return;
    target.patchSocial({ comments: new Map([...touched].map((ideaId) => [ideaId, commentIndex.of(ideaId)])) });
  };

  const onReactions = (event: Y.YMapEvent<unknown>) => {
    const touched = new Set<string>();
    for (const key of changedKeys(event)) {
      const ideaId = reactionIndex.put(key, reactions.get(key));
      if (ideaId !== null) touched.add(ideaId);
    }
    if (touched.size === 0) return;
    target.patchSocial({ reactions: new Map([...touched].map((ideaId) => [ideaId, reactionIndex.of(ideaId)])) });
  };

  const onStatuses = (event: Y.YMapEvent<unknown>) => {
    const changes = new Map<string, IdeaStatusRecord | null>();
    for (const ideaId of changedKeys(event)) changes.set(ideaId, readStatus(statuses.get(ideaId)));
    if (changes.size > 0) target.patchSocial({ statuses: changes });
  };

  const onInitiatives = (event: Y.YMapEvent<unknown>) => {
    for (const id of changedKeys(event)) initiativeIndex.put(id, initiatives.get(id));
    target.patchSocial({ initiatives: initiativeIndex.list(), ideaInitiatives: initiativeIndex.refresh() });
  };

  const onOrigins = (event: Y.YMapEvent<unknown>) => {
    const changes = new Map<string, IdeaOrigin | null>();
    for (const ideaId of changedKeys(event)) changes.set(ideaId, readOrigin(origins.get(ideaId)));
    if (changes.size > 0) target.patchSocial({ origins: changes });
  };

  comments.observe(onComments);
  reactions.observe(onReactions);
  statuses.observe(onStatuses);
  initiatives.observe(onInitiatives);
  origins.observe(onOrigins);
  return () => {
    comments.unobserve(onComments);
    reactions.unobserve(onReactions);
    statuses.unobserve(onStatuses);
    initiatives.unobserve(onInitiatives);
    origins.unobserve(onOrigins);
  };
}
