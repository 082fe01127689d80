import { callWindow, type ConfigureCall, type ModerationMode, type PublicCall, fromCopenhagenInput, toCopenhagenInput } from '../../../shared';

/** The call form as typed: times are `datetime-local` strings on Copenhagen's clock. */
export interface CallDraft {
  enabled: boolean;
  opensAt: string;
  closesAt: string;
  moderation: ModerationMode;
  /** false: a survey-only call (no idea form). */
  ideas: boolean;
}

/** A public call is open to everyone, so a new one starts pre-moderated (as Go Vocal and Decidim do). */
export function draftFromCall(call: PublicCall | null): CallDraft {
  return {
    enabled: call?.enabled ?? true,
    opensAt: call?.opensAt != null ? toCopenhagenInput(call.opensAt) : '',
    closesAt: call?.closesAt != null ? toCopenhagenInput(call.closesAt) : '',
    moderation: call?.moderation ?? 'pre',
    ideas: call?.ideas ?? true,
  };
}

export type DraftProblem = { field: 'opensAt' | 'closesAt'; problem: 'invalid' | 'order' };
export type DraftResult = { ok: true; payload: ConfigureCall } | ({ ok: false } & DraftProblem);

/** The command for a draft, or what is wrong with it (the server checks the same). */
export function payloadFromDraft(draft: CallDraft): DraftResult {
  const opensAt = draft.opensAt.trim() === '' ? null : fromCopenhagenInput(draft.opensAt);
  if (opensAt === null && draft.opensAt.trim() !== '') return { ok: false, field: 'opensAt', problem: 'invalid' };
  const closesAt = draft.closesAt.trim() === '' ? null : fromCopenhagenInput(draft.closesAt);
  if (closesAt === null && draft.closesAt.trim() !== '') return { ok: false, field: 'closesAt', problem: 'invalid' };
  if (opensAt !== null && closesAt !== null && opensAt >= closesAt) return { ok: false, field: 'closesAt', problem: 'order' };
  return { ok: true, payload: { enabled: draft.enabled, opensAt, closesAt, moderation: draft.moderation, ideas: draft.ideas } };
}

/** Where a call stands for people: 'none' before the first link is made. */
export type CallStatus = 'none' | 'disabled' | 'scheduled' | 'open' | 'closed';

export function callStatus(call: PublicCall | null, now: number): CallStatus {
  if (!call) return 'none';
  switch (callWindow(call, now)) {
    case 'disabled':
      return 'disabled';
    case 'not-yet-open':
      return 'scheduled';
    case 'closed':
      return 'closed';
    case 'open':
      return 'open';
  }
}

/** The next instant at which the status changes by itself (opening or closing), if any. */
export function nextCallChange(call: PublicCall | null, now: number): number | null {
  if (!call?.enabled) return null;
  const ahead = [call.opensAt, call.closesAt].filter((t): t is number => t !== null && t > now);
  return ahead.length > 0 ? Math.min(...ahead) : null;
}

/** The link citizens open. */
export function callUrl(origin: string, callId: string): string {
  return `${origin}/c/${encodeURIComponent(callId)}`;
}
