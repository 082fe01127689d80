import type { ContributorType, IdeaStatus, Initiative, Phase, Principle, Reaction, Track } from '../../shared';
import type { InitiativeColumn, RowColumn } from './columns';

/** The shape of one language's export words (labels-da.ts, labels-en.ts); labels.ts picks one. */
export const EXPORT_LOCALES = ['da', 'en'] as const;
export type ExportLocale = (typeof EXPORT_LOCALES)[number];

export interface ExportLabels {
  /** BCP 47 tag for <html lang> and number formatting. */
  languageTag: string;
  phase: Record<Phase, string>;
  principle: Record<Principle, string>;
  track: Record<Track, string>;
  contributorType: Record<ContributorType, string>;
  status: Record<IdeaStatus, string>;
  reaction: Record<Reaction, string>;
  scale: Record<Initiative['scale'], string>;
  initiativeKind: Record<Initiative['kind'], string>;
  anonymous: string;
  /** Column headings of the idea list (CSV, the XLSX idea sheet), one per IdeaRow field. */
  columns: Record<RowColumn, string>;
  /** Column headings of the XLSX initiative sheet, one per InitiativeRow field. */
  initiativeColumns: Record<InitiativeColumn, string>;
  /** Placeholders for ideas without a value (the coordinator's counts name beacons and contributor types too). */
  none: { phase: string; principle: string; track: string; question: string; beacon: string; contributorType: string };
  sheets: { ideas: string; phasePrinciple: string; statuses: string; tracks: string; initiatives: string };
  report: {
    /** "Report" in the document title, after the board title. */
    kind: string;
    exported: string;
    board: string;
    summary: string;
    ideas: string;
    /** Ideas shown in a group, e.g. "12 idéer". */
    ideaCount: (n: number) => string;
    votesRevealed: string;
    votesHidden: string;
    votes: string;
    /** "3 stemmer" */
    voteCount: (n: number) => string;
    questions: string;
    beacons: string;
    phasePrinciple: string;
    byTrack: string;
    byStatus: string;
    total: string;
    withoutPhase: string;
    unclassified: string;
    noIdeas: string;
    /** People who wrote the published ideas. */
    contributors: string;
    /** Fact label of a merged idea, e.g. "Samlet af: 3 idéer". */
    merged: string;
    cluster: string;
    contents: string;
    status: string;
    rationale: string;
    comments: string;
    reactions: string;
    initiatives: string;
    noInitiatives: string;
    /** Heading of an initiative's ideas. */
    fromIdeas: string;
    /** Linked ideas that are no longer published (hidden or deleted by a moderator). */
    ideasNotShown: (n: number) => string;
  };
}
