import { z } from 'zod';
import {
  LIMITS,
  contributorTypeSchema,
  phaseSchema,
  principleSchema,
  trackSchema,
  type ContributionRequest,
  type Locale,
} from '../../shared';
import { deviceStorage, readJson, removeKey, writeJson, type StorageLike } from './local-store';

/**
 * What the contribution form holds, as typed. Kept on the device while it is written, so a
 * reload, a lost connection or a refusal never costs the person their text.
 */
export const draftSchema = z.object({
  text: z.string(),
  questionId: z.string().nullable(),
  phase: phaseSchema.nullable(),
  principle: principleSchema.nullable(),
  track: trackSchema.nullable(),
  contributorType: contributorTypeSchema.nullable(),
  organisation: z.string(),
  name: z.string(),
  email: z.string(),
  consent: z.boolean(),
});
export type Draft = z.infer<typeof draftSchema>;

export const EMPTY_DRAFT: Draft = {
  text: '',
  questionId: null,
  phase: null,
  principle: null,
  track: null,
  contributorType: null,
  organisation: '',
  name: '',
  email: '',
  consent: false,
};

const draftKey = (callId: string) => `samskab.callDraft.${callId}`;

export function loadDraft(callId: string, storage: StorageLike | null = deviceStorage()): Draft {
  return readJson(storage, draftKey(callId), draftSchema) ?? EMPTY_DRAFT;
}

export function saveDraft(callId: string, draft: Draft, storage: StorageLike | null = deviceStorage()): void {
  if (isBlank(draft)) removeKey(storage, draftKey(callId));
  else writeJson(storage, draftKey(callId), draft);
}

function isBlank(draft: Draft): boolean {
  return JSON.stringify(draft) === JSON.stringify(EMPTY_DRAFT);
}

/**
 * The form for the next idea after one is sent: the idea and its placement start empty;
 * who the person is, and the question they are answering, stay as they were.
 */
export function nextDraft(sent: Draft): Draft {
  return { ...sent, text: '', phase: null, principle: null, track: null };
}

/**
 * The draft as sent where the server sends no mail: no e-mail field is shown, so none is
 * checked or sent, even one kept on the device from before.
 */
export function withoutEmail(draft: Draft): Draft {
  return draft.email === '' && !draft.consent ? draft : { ...draft, email: '', consent: false };
}

export type DraftField = 'text' | 'email' | 'consent' | 'organisation' | 'name';
export type DraftErrors = Partial<Record<DraftField, 'required' | 'tooLong' | 'email' | 'consent'>>;

// Deliberately loose (one @, a dot in the domain, no spaces): the server's check is the real one.
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The checks the server makes, made first here so a person hears about them at once. */
export function validateDraft(draft: Draft): DraftErrors {
  const errors: DraftErrors = {};
  const text = draft.text.trim();
  if (text.length === 0) errors.text = 'required';
  else if (text.length > LIMITS.ideaText) errors.text = 'tooLong';
  if (draft.organisation.trim().length > LIMITS.organisation) errors.organisation = 'tooLong';
  if (draft.name.trim().length > LIMITS.displayName) errors.name = 'tooLong';
  const email = draft.email.trim();
  if (email.length > LIMITS.email || (email.length > 0 && !EMAIL_SHAPE.test(email))) errors.email = 'email';
  if (email.length > 0 && !draft.consent) errors.consent = 'consent';
  return errors;
}

/** The order fields appear in, so the first one in error gets the focus. */
export const FIELD_ORDER: DraftField[] = ['text', 'organisation', 'name', 'email', 'consent'];

/** The request body for a checked draft. Empty optional fields go as null (anonymous, no e-mail). */
export function toRequest(
  draft: Draft,
  id: string,
  locale: Locale,
  questionIds: readonly string[],
  website = '',
): ContributionRequest {
  const email = draft.email.trim();
  return {
    id,
    text: draft.text.trim(),
    // A question removed since the draft was written would be refused; send none instead.
    questionId: draft.questionId !== null && questionIds.includes(draft.questionId) ? draft.questionId : null,
    phase: draft.phase,
    principle: draft.principle,
    track: draft.track,
    contributorType: draft.contributorType,
    organisation: draft.organisation.trim() || null,
    name: draft.name.trim() || null,
    email: email || null,
    consent: email ? draft.consent : false,
    ...(website ? { website } : {}),
    locale,
  };
}
