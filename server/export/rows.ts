import type { Idea } from '../../shared';
import type { ExportLabels } from './labels';
import type { BoardSnapshot } from './snapshot';
import { copenhagenIso } from './time';

/** One idea as people read it: every field a label or text, nothing an internal code. */
export interface IdeaRow {
  id: string;
  text: string;
  author: string;
  contributorType: string;
  organisation: string;
  phase: string;
  principle: string;
  track: string;
  beacons: string;
  question: string;
  cluster: string;
  /** The total while the board shows vote totals; null (an empty cell) while they are hidden. */
  votes: number | null;
  createdAt: string;
  updatedAt: string;
}

export type RowColumn = keyof IdeaRow;

/** Column order of the CSV and the XLSX idea sheet. */
export const ROW_COLUMNS: readonly RowColumn[] = [
  'id',
  'text',
  'author',
  'contributorType',
  'organisation',
  'phase',
  'principle',
  'track',
  'beacons',
  'question',
  'cluster',
  'votes',
  'createdAt',
  'updatedAt',
];

/**
 * Turns ideas into rows. Names are looked up once per board; a beacon, question or cluster
 * an idea still names after it was removed from the board is left out, as clients do.
 */
export class RowBuilder {
  private readonly beaconNames: Map<string, string>;
  private readonly questionTexts: Map<string, string>;
  private readonly clusterNames: Map<string, string>;
  readonly votesRevealed: boolean;

  constructor(
    private readonly snapshot: BoardSnapshot,
    readonly labels: ExportLabels,
  ) {
    this.beaconNames = new Map(snapshot.settings.beacons.map((b) => [b.id, b.name]));
    this.questionTexts = new Map(snapshot.settings.questions.map((q) => [q.id, q.text]));
    this.clusterNames = new Map(snapshot.clusters.map((c) => [c.id, c.name]));
    this.votesRevealed = snapshot.workshop.votesRevealed;
  }

  votesOf(idea: Idea): number | null {
    if (!this.votesRevealed) return null;
    return Object.hasOwn(this.snapshot.voteTotals, idea.id) ? (this.snapshot.voteTotals[idea.id] ?? 0) : 0;
  }

  questionText(questionId: string | null): string {
    return questionId === null ? '' : (this.questionTexts.get(questionId) ?? '');
  }

  beaconList(idea: Idea): string[] {
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

  row(idea: Idea): IdeaRow {
    const l = this.labels;
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
      createdAt: copenhagenIso(idea.createdAt),
      updatedAt: copenhagenIso(idea.updatedAt),
    };
  }

  headings(): string[] {
    return ROW_COLUMNS.map((column) => this.labels.columns[column]);
  }
}
