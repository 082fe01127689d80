import type { PollExport } from './poll-export';
import { IDEA_STATUSES, PHASES, PRINCIPLES, TRACKS, type Idea, type IdeaStatus, type Phase, type Principle, type Track } from '../../shared';
import { initiativeViews, type InitiativeView } from './initiative-rows';
import type { ExportLabels } from './labels';
import { Pacer } from './pacing';
import type { RowBuilder } from './rows';
import type { BoardSnapshot } from './snapshot';

/** Phase or principle of an idea, or null for "not set": the last row/column of each table. */
export type Slot<T> = T | null;
export const PHASE_SLOTS: ReadonlyArray<Slot<Phase>> = [...PHASES, null];
export const PRINCIPLE_SLOTS: ReadonlyArray<Slot<Principle>> = [...PRINCIPLES, null];
export const TRACK_SLOTS: ReadonlyArray<Slot<Track>> = [...TRACKS, null];

export interface LabelledCount {
  label: string;
  count: number;
}

/** The numbers a report and the XLSX summary sheets show. */
export interface Counts {
  total: number;
  /** Distinct authors of published ideas. */
  contributors: number;
  /** [phase slot][principle slot] → ideas, slots as PHASE_SLOTS × PRINCIPLE_SLOTS. */
  phasePrinciple: number[][];
  tracks: LabelledCount[];
  /** The board's questions in order, then ideas without one (only when there are any). */
  questions: LabelledCount[];
  beacons: LabelledCount[];
  /** Every status in lifecycle order (IDEA_STATUSES), 'new' including ideas never given one. */
  statuses: Array<LabelledCount & { status: IdeaStatus }>;
  /** [status][phase slot] → ideas, statuses as IDEA_STATUSES, slots as PHASE_SLOTS. */
  statusPhase: number[][];
}

function slotIndex<T>(slots: ReadonlyArray<Slot<T>>, value: T | null): number {
  const index = slots.indexOf(value);
  return index === -1 ? slots.length - 1 : index;
}

export function countIdeas(snapshot: BoardSnapshot, rows: RowBuilder): Counts {
  const labels = rows.labels;
  const statusPhase = IDEA_STATUSES.map(() => PHASE_SLOTS.map(() => 0));
  const phasePrinciple = PHASE_SLOTS.map(() => PRINCIPLE_SLOTS.map(() => 0));
  const tracks = TRACK_SLOTS.map(() => 0);
  const questions = new Map(snapshot.settings.questions.map((q) => [q.id, 0]));
  let withoutQuestion = 0;
  const beacons = new Map(snapshot.settings.beacons.map((b) => [b.id, 0]));
  const authors = new Set<string>();
  for (const idea of snapshot.ideas) {
    phasePrinciple[slotIndex(PHASE_SLOTS, idea.phase)]![slotIndex(PRINCIPLE_SLOTS, idea.principle)]!++;
    tracks[slotIndex(TRACK_SLOTS, idea.track)]!++;
    const q = idea.questionId === null ? undefined : questions.get(idea.questionId);
    if (q === undefined) withoutQuestion++;
    else questions.set(idea.questionId!, q + 1);
    for (const id of new Set(idea.beacons)) {
      const b = beacons.get(id);
      if (b !== undefined) beacons.set(id, b + 1);
    }
    authors.add(idea.authorId);
    statusPhase[IDEA_STATUSES.indexOf(rows.statusOf(idea.id))]![slotIndex(PHASE_SLOTS, idea.phase)]!++;
  }
  const questionCounts = snapshot.settings.questions.map((q) => ({ label: q.text, count: questions.get(q.id) ?? 0 }));
  if (withoutQuestion > 0 || questionCounts.length === 0) questionCounts.push({ label: labels.none.question, count: withoutQuestion });
  return {
    total: snapshot.ideas.length,
    contributors: authors.size,
    phasePrinciple,
    tracks: TRACK_SLOTS.map((slot, i) => ({ label: slot === null ? labels.none.track : labels.track[slot], count: tracks[i]! })),
    questions: questionCounts,
    beacons: snapshot.settings.beacons.map((b) => ({ label: b.name, count: beacons.get(b.id) ?? 0 })),
    statuses: IDEA_STATUSES.map((status, i) => ({ status, label: labels.status[status], count: statusPhase[i]!.reduce((a, b) => a + b, 0) })),
    statusPhase,
  };
}

export function phaseLabel(labels: ExportLabels, phase: Slot<Phase>): string {
  return phase === null ? labels.none.phase : labels.phase[phase];
}

export function principleLabel(labels: ExportLabels, principle: Slot<Principle>): string {
  return principle === null ? labels.none.principle : labels.principle[principle];
}

/** One idea in a report: its text and a short line of facts. */
export interface ReportIdea {
  id: string;
  text: string;
  /** Author, contributor type and organisation, joined. */
  byline: string;
  /** "Spor: …", "Spørgsmål: …", … (label, value) pairs, only those with a value. */
  facts: Array<[string, string]>;
  votes: number | null;
  status: IdeaStatus;
  /** The status as a label. */
  statusLabel: string;
  /** The public rationale of the current status, if it has one. */
  rationale: string | null;
}

export interface ReportGroup {
  phase: Slot<Phase>;
  title: string;
  count: number;
  principles: Array<{ principle: Slot<Principle>; title: string; ideas: ReportIdea[] }>;
}

export interface ReportModel {
  labels: ExportLabels;
  title: string;
  description: string;
  exportedAt: number;
  counts: Counts;
  votesRevealed: boolean;
  questions: string[];
  beacons: string[];
  /** Phases 1–3, then ideas without a phase; each with its principles (empty ones left out). */
  groups: ReportGroup[];
  /** Oldest first. */
  initiatives: InitiativeView[];
  /** The board's polls with their results, oldest first. */
  polls: readonly PollExport[];
}

/**
 * What the Markdown, HTML and PDF reports say, in one model: counts, then the ideas grouped
 * by phase and principle (as on the board's default view); within a group, most votes first
 * while totals are shown, else in the board's order.
 */
export async function buildReportModel(snapshot: BoardSnapshot, rows: RowBuilder, polls: readonly PollExport[] = []): Promise<ReportModel> {
  const labels = rows.labels;
  const pacer = new Pacer();
  const buckets = PHASE_SLOTS.map(() => PRINCIPLE_SLOTS.map(() => [] as Idea[]));
  for (const idea of snapshot.ideas) buckets[slotIndex(PHASE_SLOTS, idea.phase)]![slotIndex(PRINCIPLE_SLOTS, idea.principle)]!.push(idea);
  const order = (a: Idea, b: Idea) => {
    const votes = (rows.votesOf(b) ?? 0) - (rows.votesOf(a) ?? 0);
    if (votes !== 0) return votes;
    if (a.position !== b.position) return a.position < b.position ? -1 : 1;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  };
  const groups: ReportGroup[] = [];
  for (const [p, phase] of PHASE_SLOTS.entries()) {
    const principles: ReportGroup['principles'] = [];
    let count = 0;
    for (const [q, principle] of PRINCIPLE_SLOTS.entries()) {
      const ideas = buckets[p]![q]!.sort(order);
      if (ideas.length === 0) continue;
      const shown: ReportIdea[] = [];
      for (const idea of ideas) {
        shown.push(reportIdea(idea, rows, snapshot));
        await pacer.step();
      }
      count += ideas.length;
      principles.push({ principle, title: principleLabel(labels, principle), ideas: shown });
    }
    if (count > 0) groups.push({ phase, title: phaseLabel(labels, phase), count, principles });
  }
  return {
    labels,
    title: snapshot.settings.title,
    description: snapshot.settings.description,
    exportedAt: snapshot.takenAt,
    counts: countIdeas(snapshot, rows),
    votesRevealed: rows.votesRevealed,
    questions: snapshot.settings.questions.map((q) => q.text),
    beacons: snapshot.settings.beacons.map((b) => b.name),
    groups,
    initiatives: initiativeViews(snapshot, rows),
    polls,
  };
}

function reportIdea(idea: Idea, rows: RowBuilder, snapshot: BoardSnapshot): ReportIdea {
  const l = rows.labels;
  const byline = [rows.author(idea), idea.contributorType === null ? '' : l.contributorType[idea.contributorType], idea.organisation ?? '']
    .filter(Boolean)
    .join(', ');
  const facts: Array<[string, string]> = [];
  const question = rows.questionText(idea.questionId);
  if (question) facts.push([l.columns.question, question]);
  if (idea.track !== null) facts.push([l.columns.track, l.track[idea.track]]);
  const beacons = rows.beaconList(idea);
  if (beacons.length > 0) facts.push([l.columns.beacons, beacons.join(', ')]);
  const cluster = rows.clusterName(idea.clusterId);
  if (cluster) facts.push([l.report.cluster, cluster]);
  const merged = snapshot.history[idea.id];
  if (merged && merged.originals.length > 1) facts.push([l.report.merged, l.report.ideaCount(merged.originals.length)]);
  const initiatives = rows.initiativesOf(idea.id);
  if (initiatives.length > 0) facts.push([l.report.initiatives, initiatives.join('; ')]);
  const comments = rows.commentCount(idea.id);
  if (comments > 0) facts.push([l.report.comments, String(comments)]);
  const reactions = Object.entries(rows.reactionCounts(idea.id)).filter(([, n]) => n > 0) as Array<[keyof typeof l.reaction, number]>;
  if (reactions.length > 0) facts.push([l.report.reactions, reactions.map(([kind, n]) => `${l.reaction[kind]} ${n}`).join(', ')]);
  const current = rows.statusRecord(idea.id)?.current ?? null;
  const status = current?.status ?? 'new';
  return {
    id: idea.id,
    text: idea.text,
    byline,
    facts,
    votes: rows.votesOf(idea),
    status,
    statusLabel: l.status[status],
    rationale: current?.rationale?.trim() ? current.rationale : null,
  };
}
