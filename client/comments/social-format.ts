import {
  MODERATION_REASONS,
  REACTIONS,
  type Comment,
  type Identity,
  type IdeaStatus,
  type ModerationReason,
  type Reaction,
} from '../../shared';
import type { IdeaReactions } from '../state/slices/social';

/** What the reason picker holds: a listed reason (or 'other' with typed text), or nothing yet. */
export interface ReasonChoice {
  choice: ModerationReason | null;
  other: string;
}

export const emptyReason: ReasonChoice = { choice: null, other: '' };

export function isModerationReason(value: string): value is ModerationReason {
  return (MODERATION_REASONS as readonly string[]).includes(value);
}

/**
 * The reason as sent: a listed reason travels as its stable key (so the queue and the audit
 * log can show it in the reader's language), 'other' as the text typed. Null: not given.
 */
export function reasonValue(reason: ReasonChoice): string | null {
  if (reason.choice === null) return null;
  if (reason.choice === 'other') return reason.other.trim() || null;
  return reason.choice;
}

/** Why a reason cannot be sent yet, or null when it can. */
export function reasonProblem(reason: ReasonChoice, required: boolean): 'required' | 'other-required' | null {
  if (reason.choice === 'other' && !reason.other.trim()) return 'other-required';
  if (required && reason.choice === null) return 'required';
  return null;
}

/** A stored reason in the reader's words: a listed key is translated, free text shown as typed. */
export function reasonLabel(reason: string, translate: (key: ModerationReason) => string): string {
  return isModerationReason(reason) && reason !== 'other' ? translate(reason) : reason;
}

export interface ReactionCount {
  reaction: Reaction;
  count: number;
  /** This person's reaction is on. */
  mine: boolean;
}

/** Counts per reaction, in the fixed order of REACTIONS, and whether this person reacted. */
export function reactionCounts(reactions: IdeaReactions | undefined, participantId: string | null): ReactionCount[] {
  return REACTIONS.map((reaction) => {
    const who = reactions?.[reaction];
    return { reaction, count: who?.size ?? 0, mine: participantId !== null && (who?.has(participantId) ?? false) };
  });
}

/** This session's comments still waiting for a moderator on one idea (dropped once published). */
export function pendingFor(pending: readonly Comment[], ideaId: string, published: readonly Comment[] | undefined): Comment[] {
  const shown = new Set((published ?? []).map((c) => c.id));
  return pending.filter((c) => c.ideaId === ideaId && !shown.has(c.id));
}

export interface CommentPermissions {
  delete: boolean;
  hide: boolean;
  report: boolean;
}

/** Mirrors the server: authors and facilitators delete, facilitators hide, other participants report. */
export function commentPermissions(identity: Identity | null, comment: Comment): CommentPermissions {
  const role = identity?.role ?? 'observer';
  const own = identity !== null && comment.authorId === identity.participantId;
  return {
    delete: role === 'facilitator' || (role === 'participant' && own),
    hide: role === 'facilitator',
    report: role === 'participant' && !own,
  };
}

/** A rationale is part of saying no: required for 'not-taken-forward'. */
export function rationaleRequired(status: IdeaStatus): boolean {
  return status === 'not-taken-forward';
}

/** A glyph per status, so a status reads without its colour (WCAG 1.4.1). */
export const STATUS_GLYPHS: Record<IdeaStatus, string> = {
  new: '•',
  considering: '…',
  selected: '★',
  started: '▶',
  realised: '✓',
  'not-taken-forward': '✕',
};

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * When something happened, as people say it: "just now", "12 minutes ago", "3 hours ago",
 * then the date and time in Copenhagen (where the process runs, whatever the device says).
 */
export function formatWhen(at: number, now: number, locale: string, justNow: string): string {
  const ago = now - at;
  if (ago < MINUTE && ago > -MINUTE) return justNow;
  if (ago > 0 && ago < DAY) {
    const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    return ago < HOUR ? relative.format(-Math.round(ago / MINUTE), 'minute') : relative.format(-Math.round(ago / HOUR), 'hour');
  }
  return formatDateTime(at, locale);
}

/** A full date and time in Copenhagen, for titles and history lists. */
export function formatDateTime(at: number, locale: string): string {
  return new Intl.DateTimeFormat(locale === 'da' ? 'da-DK' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Copenhagen',
  }).format(at);
}
