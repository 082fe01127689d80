import { useEffect } from 'react';
import { create } from 'zustand';
import type { Poll, SurveyMyAnswer } from '../../shared';
import { fetchSurvey } from './survey-api';

/** A call's open survey questions and what this device answered to them (poll id → answer). */
export interface CallSurvey {
  polls: Poll[];
  mine: Record<string, SurveyMyAnswer>;
}

interface SurveyStore {
  byCall: Record<string, CallSurvey>;
  loaded(callId: string, survey: CallSurvey): void;
  /** Answers the server stored just now: they replace this device's earlier ones. */
  saved(callId: string, mine: readonly SurveyMyAnswer[]): void;
}

/**
 * The call page's survey, shared by the places that show it (the idea form's pointer, the
 * survey below the form, the survey on the receipt view), so an answer given in one is
 * answered in all. The server is the truth about what this device answered: every mount
 * asks it again, so a reload shows "you answered" rather than a blank form.
 */
export const useSurveyStore = create<SurveyStore>((set) => ({
  byCall: {},
  loaded: (callId, survey) => set((s) => ({ byCall: { ...s.byCall, [callId]: survey } })),
  saved: (callId, mine) =>
    set((s) => {
      const current = s.byCall[callId];
      if (!current) return s;
      const next = { ...current.mine };
      for (const answer of mine) next[answer.pollId] = answer;
      return { byCall: { ...s.byCall, [callId]: { ...current, mine: next } } };
    }),
}));

const inFlight = new Map<string, Promise<void>>();

/** Asks the server for the survey; places mounting together share one request. Offline: keeps what it had. */
export function loadSurvey(callId: string): Promise<void> {
  const running = inFlight.get(callId);
  if (running) return running;
  const request = fetchSurvey(callId)
    .then(({ result }) => {
      if (result.ok) useSurveyStore.getState().loaded(callId, { polls: result.data.polls, mine: Object.fromEntries(result.data.mine.map((m) => [m.pollId, m])) });
    })
    .finally(() => inFlight.delete(callId));
  inFlight.set(callId, request);
  return request;
}

/** The call's survey (null until the server answered), asked for again on mount. */
export function useCallSurvey(callId: string): CallSurvey | null {
  const survey = useSurveyStore((s) => s.byCall[callId] ?? null);
  useEffect(() => {
    void loadSurvey(callId);
  }, [callId]);
  return survey;
}

/** The questions this device has not answered yet. */
export function unanswered(survey: CallSurvey): Poll[] {
  return survey.polls.filter((p) => !survey.mine[p.id]);
}
