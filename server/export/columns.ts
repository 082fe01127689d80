/**
 * The columns of the idea list and of the initiative sheet. A leaf of its own, so the labels
 * (which name every column) and the row builders (which fill them) do not import each other.
 */

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
  /** What became of the idea ('Ny' / 'New' when nobody set a status). */
  status: string;
  /** The current status's public rationale. */
  statusRationale: string;
  /** When the current status was set; empty for an idea still 'new' by default. */
  statusChangedAt: string;
  /** Published comments. */
  comments: number;
  /** People who gave each reaction. */
  reactionsSupport: number;
  reactionsLove: number;
  reactionsInsight: number;
  reactionsQuestion: number;
  /** Titles of the initiatives the idea feeds, `; ` between them. */
  initiatives: string;
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
  'status',
  'statusRationale',
  'statusChangedAt',
  'comments',
  'reactionsSupport',
  'reactionsLove',
  'reactionsInsight',
  'reactionsQuestion',
  'initiatives',
  'createdAt',
  'updatedAt',
];

/** One initiative on the XLSX initiative sheet: every field, as text. */
export interface InitiativeRow {
  id: string;
  title: string;
  description: string;
  scale: string;
  kind: string;
  responsibleUnit: string;
  beacons: string;
  targetPhase: string;
  decisionLink: string;
  /** The published ideas' texts, one per line. */
  ideas: string;
  /** Every linked idea's id, one per line (published or not), to look up on the idea sheet. */
  ideaIds: string;
  createdAt: string;
  updatedAt: string;
  updatedBy: string;
}

export type InitiativeColumn = keyof InitiativeRow;

export const INITIATIVE_COLUMNS: readonly InitiativeColumn[] = [
  'id',
  'title',
  'description',
  'scale',
  'kind',
  'responsibleUnit',
  'beacons',
  'targetPhase',
  'decisionLink',
  'ideas',
  'ideaIds',
  'createdAt',
  'updatedAt',
  'updatedBy',
];
