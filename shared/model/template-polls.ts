import type { Locale, TemplateId } from './templates';
import type { Poll } from './poll';

/**
 * Ready polls a template puts on a new board, as drafts the facilitator edits and opens:
 * the kick-off asks the councils the memo's questions ("Hvad kan jeres råd bidrage med?",
 * "Hvor godt kender du visionen?"). Ids are fixed per template, like its question ids.
 */
type RunFields = 'state' | 'resultMode' | 'revealed' | 'live' | 'inCall' | 'createdAt' | 'updatedAt' | 'results';
/** A poll without its running state (Omit spread over each type of the union). */
type TemplatePoll = Poll extends infer P ? (P extends Poll ? Omit<P, RunFields> : never) : never;

const KICKOFF: Record<Locale, TemplatePoll[]> = {
  da: [
    {
      id: 'kickoff-poll-1',
      type: 'multiple',
      question: 'Hvad kan jeres råd bidrage med?',
      questionId: 'kickoff-q1',
      beaconId: null,
      options: [
        { id: 'o1', label: 'Viden om dem, vi repræsenterer' },
        { id: 'o2', label: 'Netværk og kontakter' },
        { id: 'o3', label: 'Frivillige hænder' },
        { id: 'o4', label: 'Dialog med borgerne' },
        { id: 'o5', label: 'Lokaler og ressourcer' },
      ],
      maxChoices: null,
    },
    {
      id: 'kickoff-poll-2',
      type: 'scale',
      question: 'Hvor godt kender du visionen?',
      questionId: null,
      beaconId: null,
      scaleMax: 5,
      minLabel: 'Slet ikke',
      maxLabel: 'Rigtig godt',
    },
  ],
  en: [
    {
      id: 'kickoff-poll-1',
      type: 'multiple',
      question: 'What can your council contribute?',
      questionId: 'kickoff-q1',
      beaconId: null,
      options: [
        { id: 'o1', label: 'Knowledge of the people we represent' },
        { id: 'o2', label: 'Networks and contacts' },
        { id: 'o3', label: 'Volunteers' },
        { id: 'o4', label: 'Dialogue with citizens' },
        { id: 'o5', label: 'Premises and resources' },
      ],
      maxChoices: null,
    },
    {
      id: 'kickoff-poll-2',
      type: 'scale',
      question: 'How well do you know the vision?',
      questionId: null,
      beaconId: null,
      scaleMax: 5,
      minLabel: 'Not at all',
      maxLabel: 'Very well',
    },
  ],
};

/** The polls a new board from this template starts with, as drafts. */
export function templatePolls(template: TemplateId, locale: Locale, now: number): Poll[] {
  const polls = template === 'kickoff' ? KICKOFF[locale] : [];
  return polls.map((p) => ({ ...p, state: 'draft', resultMode: 'hidden', revealed: false, live: false, inCall: false, createdAt: now, updatedAt: now, results: null }) as Poll);
}
