import { copenhagenIso, type Idea, type IdeaStatus, type IdeaStatusRecord, type Reaction } from '../../shared';
import type { ExportLabels } from './labels';
import type { BoardSnapshot } from './snapshot';
import { ROW_COLUMNS, type IdeaRow } from './columns';

export { ROW_COLUMNS, type IdeaRow, type RowColumn } from './columns';

/**
 * Turns ideas into rows. Names are looked up once per board; a beacon, question or cluster
 * an idea still names after it was removed from the board is left out, as clients do.
 */
export class RowBuilder {
  private readonly beaconNames: Map<string, string>;
  private readonly questionTexts: Map<string, string>;
  private readonly clusterNames: Map<string, string>;
  private readonly commentCounts = new Map<string, number>();
  private readonly initiativeTitles = new Map<string, string[]>();
  readonly votesRevealed: boolean;

  constructor(
    private readonly snapshot: BoardSnapshot,
    readonly labels: ExportLabels,
  ) {
    this.beaconNames = new Map(snapshot.settings.beacons.map((b) => [b.id, b.name]));
    this.questionTexts = new Map(snapshot.settings.questions.map((q) => [q.id, q.text]));
    this.clusterNames = new Map(snapshot.clusters.map((c) => [c.id, c.name]));
    this.votesRevealed = snapshot.workshop.votesRevealed;
    for (const comment of snapshot.comments) this.commentCounts.set(comment.ideaId, (this.commentCounts.get(comment.ideaId) ?? 0) + 1);
    for (const initiative of snapshot.initiatives) {
      for (const ideaId of new Set(initiative.ideaIds)) {
        const titles = this.initiativeTitles.get(ideaId) ?? [];
        titles.push(initiative.title);
        this.initiativeTitles.set(ideaId, titles);
      }
    }
  }

  votesOf(idea: Idea): number | null {
    if (!this.votesRevealed) return null;
    return Object.hasOwn(this.snapshot.voteTotals, idea.id) ? (this.snapshot.voteTotals[idea.id] ?? 0) : 0;
  }

  questionText(questionId: string | null): string {
    return questionId === null ? '' : (this.questionTexts.get(questionId) ?? '');
  }

  beaconName(beaconId: string): string | undefined {
    return this.beaconNames.get(beaconId);
  }

  beaconList(idea: Pick<Idea, 'beacons'>): string[] {
    return idea.beacons.flatMap((id) => {
      const name = this.beaconNames.get(id);
      return name === undefined ? [] : [name];
    });
  }

  clusterName(clusterId: string | null): string {
    return clusterId === null ? '' : (this.clusterNames.get(clusterId) ?? '');
  }

  author(idea: Idea): string {
    return idea.authorName?.trim() ? idea.authorName : this.labels.anonymous;
  }

  statusRecord(ideaId: string): IdeaStatusRecord | null {
    return Object.hasOwn(this.snapshot.statuses, ideaId) ? this.snapshot.statuses[ideaId]! : null;
  }

  statusOf(ideaId: string): IdeaStatus {
    return this.statusRecord(ideaId)?.current.status ?? 'new';
  }

  commentCount(ideaId: string): number {
    return this.commentCounts.get(ideaId) ?? 0;
  }

  /** Distinct people per reaction, in REACTIONS order (0 where nobody reacted). */
  reactionCounts(ideaId: string): Record<Reaction, number> {
    const given = Object.hasOwn(this.snapshot.reactions, ideaId) ? this.snapshot.reactions[ideaId]! : {};
    return {
      support: given.support?.length ?? 0,
      love: given.love?.length ?? 0,
      insight: given.insight?.length ?? 0,
      question: given.question?.length ?? 0,
    };
  }

  initiativesOf(ideaId: string): string[] {
    return this.initiativeTitles.get(ideaId) ?? [];
  }

  row(idea: Idea): IdeaRow {
    const l = this.labels;
    const status = this.statusRecord(idea.id)?.current ?? null;
    const reactions = this.reactionCounts(idea.id);
    return {
      id: idea.id,
      text: idea.text,
      author: this.author(idea),
      contributorType: idea.contributorType === null ? '' : l.contributorType[idea.contributorType],
      organisation: idea.organisation ?? '',
      phase: idea.phase === null ? '' : l.phase[idea.phase],
      principle: idea.principle === null ? '' : l.principle[idea.principle],
      track: idea.track === null ? '' : l.track[idea.track],
      beacons: this.beaconList(idea).join(', '),
      question: this.questionText(idea.questionId),
      cluster: this.clusterName(idea.clusterId),
      votes: this.votesOf(idea),
      status: l.status[status?.status ?? 'new'],
      statusRationale: status?.rationale ?? '',
      statusChangedAt: status === null ? '' : copenhagenIso(status.at),
      comments: this.commentCount(idea.id),
      reactionsSupport: reactions.support,
      reactionsLove: reactions.love,
      reactionsInsight: reactions.insight,
      reactionsQuestion: reactions.question,
      initiatives: this.initiativesOf(idea.id).join('; '),
      createdAt: copenhagenIso(idea.createdAt),
      updatedAt: copenhagenIso(idea.updatedAt),
    };
  }

  headings(): string[] {
    return ROW_COLUMNS.map((column) => this.labels.columns[column]);
  }
}
