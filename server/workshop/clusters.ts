import type * as Y from 'yjs';
import {
  ErrorCode,
  LIMITS,
  clusterSchema,
  clustersMap,
  historyMap,
  ideasMap,
  randomId,
  readIdea,
  readIdeaHistory,
  type Cluster,
  type Idea,
  type IdeaAuthor,
  type IdeaHistory,
  type Identity,
  type MergeResult,
} from '../../shared';
import { ServiceError } from '../core/errors';
import { requireFacilitator, settingsOf, type WorkshopContext } from './context';
import { ideaOn, type VoteTotalsMirror } from './voting';

/**
 * Grouping: named clusters (the facilitator names them; anyone who may move an idea puts it
 * into one by setting its `clusterId`) and merging duplicates into one idea.
 */
export class Clusters {
  constructor(
    private readonly ctx: WorkshopContext,
    private readonly totals: VoteTotalsMirror,
  ) {}

  create(identity: Identity, name: string, questionId: string | null | undefined): Promise<Cluster> {
    requireFacilitator(identity, 'create clusters');
    return this.ctx.rooms.withRoom(identity.boardId, (room) =>
      room.writeAsServer((doc) => {
        const settings = settingsOf(doc);
        const question = questionId === undefined ? settings.focusQuestionId : questionId;
        if (question !== null && !settings.questions.some((q) => q.id === question)) {
          throw new ServiceError(ErrorCode.VALIDATION_FAILED, 'A cluster belongs to one of the board\u2019s questions.');
        }
        if (clustersMap(doc).size >= LIMITS.clustersPerBoard) {
          throw new ServiceError(ErrorCode.VALIDATION_FAILED, `A board holds at most ${LIMITS.clustersPerBoard} clusters.`);
        }
        const cluster: Cluster = { id: randomId(12), name, questionId: question, createdAt: Date.now() };
        clustersMap(doc).set(cluster.id, cluster);
        return cluster;
      }),
    );
  }

  rename(identity: Identity, clusterId: string, name: string): Promise<Cluster> {
    requireFacilitator(identity, 'rename clusters');
    return this.ctx.rooms.withRoom(identity.boardId, (room) =>
      room.writeAsServer((doc) => {
        const cluster = { ...clusterOn(doc, clusterId), name };
        clustersMap(doc).set(clusterId, cluster);
        return cluster;
      }),
    );
  }

  /** The cluster goes; its ideas stay where they are, outside any cluster. */
  delete(identity: Identity, clusterId: string): Promise<{ clusterId: string }> {
    requireFacilitator(identity, 'delete clusters');
    return this.ctx.rooms.withRoom(identity.boardId, (room) =>
      room.writeAsServer((doc) => {
        clusterOn(doc, clusterId);
        clustersMap(doc).delete(clusterId);
        for (const map of ideasMap(doc).values()) if (map.get('clusterId') === clusterId) map.set('clusterId', null);
        return { clusterId };
      }),
    );
  }

  /**
   * Merges duplicates into the target, atomically: votes move first (in the store, with the
   * fairness rule of docs/WORKSHOP.md), then one document transaction records every author
   * and original text in `history` and deletes the sources. The target keeps its text, its
   * author (who still owns it) and its place.
   */
  merge(identity: Identity, targetId: string, sourceIds: string[]): Promise<MergeResult> {
    requireFacilitator(identity, 'merge ideas');
    const sources = [...new Set(sourceIds)];
    if (sources.includes(targetId)) {
      throw new ServiceError(ErrorCode.VALIDATION_FAILED, 'An idea cannot be merged into itself.');
    }
    const { boardId } = identity;
    return this.ctx.locks.run(boardId, () =>
      this.ctx.rooms.withRoom(boardId, async (room) => {
        const target = ideaOn(room.doc, targetId);
        for (const id of sources) ideaOn(room.doc, id);
        const { votesPerPerson, maxPerIdea } = room.workshop().voting;
        const scope = target.questionId ?? '';
        await this.ctx.store.mergeVotes(boardId, targetId, sources, { scope, budget: votesPerPerson, maxPerIdea });
        const mergedAt = Date.now();
        const history = await room.writeAsServer((doc) => foldInto(doc, targetId, sources, mergedAt));
        this.ctx.notifier.votesRefresh(boardId);
        this.ctx.progress.changed(boardId);
        this.totals.sync(boardId).catch((error: unknown) => this.ctx.log.warn({ err: error, boardId }, 'could not update vote totals'));
        return { idea: ideaOn(room.doc, targetId), history };
      }),
    );
  }
}

function clusterOn(doc: Y.Doc, clusterId: string): Cluster {
  const parsed = clusterSchema.safeParse(clustersMap(doc).get(clusterId));
  if (!parsed.success) throw new ServiceError(ErrorCode.CLUSTER_NOT_FOUND, 'There is no such cluster.', 404);
  return parsed.data;
}

function authorOf(idea: Idea): IdeaAuthor {
  return { authorId: idea.authorId, authorName: idea.authorName, contributorType: idea.contributorType, organisation: idea.organisation };
}

/** Inside one server transaction: the target's history grows, the sources go. */
function foldInto(doc: Y.Doc, targetId: string, sourceIds: string[], mergedAt: number): IdeaHistory {
  const ideas = ideasMap(doc);
  const targetMap = ideas.get(targetId);
  const target = targetMap ? readIdea(targetMap) : null;
  if (!target) throw new ServiceError(ErrorCode.IDEA_NOT_FOUND, 'The target idea was deleted meanwhile.', 404);
  const original = (idea: Idea) => ({ ...authorOf(idea), ideaId: idea.id, text: idea.text, createdAt: idea.createdAt, mergedAt });
  // The first merge also records the target's own text, so editing it later loses nothing.
  const history: IdeaHistory = readIdeaHistory(doc, targetId) ?? { authors: [authorOf(target)], originals: [original(target)] };
  const authors = new Map(history.authors.map((a) => [a.authorId, a]));
  const originals = [...history.originals];
  for (const id of sourceIds) {
    const map = ideas.get(id);
    const source = map ? readIdea(map) : null;
    if (!source) continue; // deleted meanwhile by its author: nothing left to keep
    // A source that was itself a merge brings its whole history along.
    const earlier = readIdeaHistory(doc, id);
    for (const author of earlier?.authors ?? [authorOf(source)]) if (!authors.has(author.authorId)) authors.set(author.authorId, author);
    originals.push(...(earlier?.originals ?? []));
    if (!earlier || earlier.originals[0]?.text !== source.text) originals.push(original(source));
    historyMap(doc).delete(id);
    ideas.delete(id);
  }
  const next: IdeaHistory = { authors: [...authors.values()], originals };
  historyMap(doc).set(targetId, next);
  return next;
}
