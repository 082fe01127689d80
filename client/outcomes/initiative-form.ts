import { LIMITS, type Idea, type Initiative, type InitiativeFields, type Phase } from '../../shared';
import { compileQuery, searchableText } from '../board/search';

/** The initiative form's fields as typed: strings where the saved initiative has null. */
export interface InitiativeDraft {
  title: string;
  description: string;
  scale: Initiative['scale'];
  kind: Initiative['kind'];
  responsibleUnit: string;
  beacons: string[];
  targetPhase: Phase | null;
  decisionLink: string;
  ideaIds: string[];
}

export type DraftErrors = Partial<Record<'title' | 'decisionLink', 'required' | 'invalid'>>;

export function draftOf(initiative: Initiative | null): InitiativeDraft {
  return {
    title: initiative?.title ?? '',
    description: initiative?.description ?? '',
    scale: initiative?.scale ?? 'small',
    kind: initiative?.kind ?? 'new',
    responsibleUnit: initiative?.responsibleUnit ?? '',
    beacons: initiative ? [...initiative.beacons] : [],
    targetPhase: initiative?.targetPhase ?? null,
    decisionLink: initiative?.decisionLink ?? '',
    ideaIds: initiative ? [...initiative.ideaIds] : [],
  };
}

/** A link someone can follow from a committee paper: http(s) with a host. */
export function isWebAddress(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/**
 * The fields to send, or what is wrong with the draft. Beacons and ideas that left the
 * board since the form opened are dropped: the server refuses to link what is not there.
 */
export function checkDraft(
  draft: InitiativeDraft,
  board: { beaconIds: ReadonlySet<string>; hasIdea: (ideaId: string) => boolean },
): { ok: true; fields: InitiativeFields } | { ok: false; errors: DraftErrors } {
  const errors: DraftErrors = {};
  const title = draft.title.trim();
  const link = draft.decisionLink.trim();
  if (!title) errors.title = 'required';
  if (link && (!isWebAddress(link) || link.length > LIMITS.url)) errors.decisionLink = 'invalid';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    fields: {
      title: title.slice(0, LIMITS.initiativeTitle),
      description: draft.description.trim().slice(0, LIMITS.initiativeDescription),
      scale: draft.scale,
      kind: draft.kind,
      responsibleUnit: draft.responsibleUnit.trim().slice(0, LIMITS.organisation) || null,
      beacons: [...new Set(draft.beacons)].filter((id) => board.beaconIds.has(id)),
      targetPhase: draft.targetPhase,
      decisionLink: link || null,
      ideaIds: [...new Set(draft.ideaIds)].filter(board.hasIdea).slice(0, LIMITS.ideasPerInitiative),
    },
  };
}

/** Oldest first, as the ideas were written: the order a facilitator remembers them in. */
export const byCreation = (a: Idea, b: Idea) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1);

/**
 * What the idea picker lists: the pinned ideas (picked when the search last changed, or
 * touched since, so a checkbox never vanishes from under the pointer) and the first
 * `limit` other ideas matching the search, all in board order; `matches` counts every
 * matching idea that is not pinned.
 */
export function pickerList(
  ideas: readonly Idea[],
  query: string,
  pinned: ReadonlySet<string>,
  limit: number,
): { shown: Idea[]; matches: number } {
  const matcher = compileQuery(query);
  const shown: Idea[] = [];
  let matches = 0;
  for (const idea of ideas) {
    if (pinned.has(idea.id)) {
      shown.push(idea);
      continue;
    }
    if (matcher && !matcher([searchableText(idea)])) continue;
    matches += 1;
    if (matches <= limit) shown.push(idea);
  }
  return { shown, matches };
}

/** A long idea cut at a word, for lists that name many ideas. */
export function excerpt(text: string, max = 140): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
