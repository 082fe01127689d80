import type { ContributorType, Phase, Principle, Track } from '../../shared';
import type { RowColumn } from './rows';

/**
 * The words exports use, server-side (the web client has its own i18n in client/i18n; the
 * server never imports client code). The taxonomy labels are the memo's own, so they match
 * what people see on the board.
 */
export const EXPORT_LOCALES = ['da', 'en'] as const;
export type ExportLocale = (typeof EXPORT_LOCALES)[number];

export interface ExportLabels {
  /** BCP 47 tag for <html lang> and number formatting. */
  languageTag: string;
  phase: Record<Phase, string>;
  principle: Record<Principle, string>;
  track: Record<Track, string>;
  contributorType: Record<ContributorType, string>;
  anonymous: string;
  /** Column headings of the idea list (CSV, the XLSX idea sheet), one per IdeaRow field. */
  columns: Record<RowColumn, string>;
  /** Placeholders for ideas without a value. */
  none: { phase: string; principle: string; track: string; question: string };
  sheets: { ideas: string; phasePrinciple: string; tracks: string };
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
  };
}

const DA: ExportLabels = {
  languageTag: 'da-DK',
  phase: {
    1: 'Fase 1 – Kendskab, ejerskab og engagement',
    2: 'Fase 2 – Idéudvikling og fælles løsninger',
    3: 'Fase 3 – Realisering',
  },
  principle: {
    1: 'Inddragelse og samskabelse',
    2: 'Dynamisk og fleksibel proces',
    3: 'Både nye og eksisterende indsatser i forskellig målestok',
  },
  track: { political: 'Politisk spor', outward: 'Udadvendt spor', inward: 'Indadvendt spor' },
  contributorType: {
    council: 'Rådsmedlem',
    association: 'Forening',
    business: 'Virksomhed',
    citizen: 'Borger',
    staff: 'Medarbejder',
    politician: 'Politiker',
    other: 'Andet',
  },
  anonymous: 'Anonym',
  columns: {
    id: 'Id',
    text: 'Idé',
    author: 'Forfatter',
    contributorType: 'Bidragyder',
    organisation: 'Organisation',
    phase: 'Fase',
    principle: 'Princip',
    track: 'Spor',
    beacons: 'Pejlemærker',
    question: 'Spørgsmål',
    cluster: 'Klynge',
    votes: 'Stemmer',
    createdAt: 'Oprettet',
    updatedAt: 'Opdateret',
  },
  none: { phase: 'Uden fase', principle: 'Uden princip', track: 'Uden spor', question: 'Uden spørgsmål' },
  sheets: { ideas: 'Idéer', phasePrinciple: 'Fase og princip', tracks: 'Spor' },
  report: {
    kind: 'Rapport',
    exported: 'Udtrukket',
    board: 'Tavle',
    summary: 'Overblik',
    ideas: 'Idéer',
    ideaCount: (n) => (n === 1 ? '1 idé' : `${n} idéer`),
    votesRevealed: 'Stemmetallene er vist.',
    votesHidden: 'Stemmetallene er ikke vist endnu og indgår ikke.',
    votes: 'Stemmer',
    voteCount: (n) => (n === 1 ? '1 stemme' : `${n} stemmer`),
    questions: 'Spørgsmål',
    beacons: 'Pejlemærker',
    phasePrinciple: 'Idéer fordelt på fase og princip',
    byTrack: 'Idéer fordelt på spor',
    total: 'I alt',
    withoutPhase: 'Uden fase',
    unclassified: 'Uden placering',
    noIdeas: 'Tavlen har ingen idéer endnu.',
    contributors: 'Bidragydere',
    merged: 'Samlet af',
    cluster: 'Klynge',
    contents: 'Indhold',
  },
};

const EN: ExportLabels = {
  languageTag: 'en-GB',
  phase: {
    1: 'Phase 1 – Awareness, ownership and engagement',
    2: 'Phase 2 – Idea development and shared solutions',
    3: 'Phase 3 – Realisation',
  },
  principle: {
    1: 'Involvement and co-creation',
    2: 'A dynamic and flexible process',
    3: 'Both new and existing initiatives at different scales',
  },
  track: { political: 'Political track', outward: 'Outward track', inward: 'Inward track' },
  contributorType: {
    council: 'Council member',
    association: 'Association',
    business: 'Business',
    citizen: 'Citizen',
    staff: 'Staff',
    politician: 'Politician',
    other: 'Other',
  },
  anonymous: 'Anonymous',
  columns: {
    id: 'Id',
    text: 'Idea',
    author: 'Author',
    contributorType: 'Contributor type',
    organisation: 'Organisation',
    phase: 'Phase',
    principle: 'Principle',
    track: 'Track',
    beacons: 'Beacons',
    question: 'Question',
    cluster: 'Cluster',
    votes: 'Votes',
    createdAt: 'Created',
    updatedAt: 'Updated',
  },
  none: { phase: 'No phase', principle: 'No principle', track: 'No track', question: 'No question' },
  sheets: { ideas: 'Ideas', phasePrinciple: 'Phase and principle', tracks: 'Tracks' },
  report: {
    kind: 'Report',
    exported: 'Exported',
    board: 'Board',
    summary: 'Overview',
    ideas: 'Ideas',
    ideaCount: (n) => (n === 1 ? '1 idea' : `${n} ideas`),
    votesRevealed: 'Vote totals are shown.',
    votesHidden: 'Vote totals have not been revealed and are not included.',
    votes: 'Votes',
    voteCount: (n) => (n === 1 ? '1 vote' : `${n} votes`),
    questions: 'Questions',
    beacons: 'Beacons',
    phasePrinciple: 'Ideas by phase and principle',
    byTrack: 'Ideas by track',
    total: 'Total',
    withoutPhase: 'No phase',
    unclassified: 'Unclassified',
    noIdeas: 'The board has no ideas yet.',
    contributors: 'Contributors',
    merged: 'Combines',
    cluster: 'Cluster',
    contents: 'Contents',
  },
};

export const LABELS: Readonly<Record<ExportLocale, ExportLabels>> = { da: DA, en: EN };

export function labelsFor(locale: ExportLocale): ExportLabels {
  return LABELS[locale];
}
