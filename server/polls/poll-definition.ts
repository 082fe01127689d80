import type * as Y from 'yjs';
import { ErrorCode, POLL_LIMITS, pollSchema, randomId, readBoardSettings, type Poll, type PollDraftParsed } from '../../shared';
import { ServiceError } from '../core/errors';

/** What stored answers depend on: an edit may change labels and wording, never this. */
export function answerShape(poll: Poll | PollDraftParsed): string {
  switch (poll.type) {
    case 'single':
    case 'ranking':
      return JSON.stringify([poll.type, poll.options.map((o) => o.id)]);
    case 'multiple':
      return JSON.stringify([poll.type, poll.options.map((o) => o.id), poll.maxChoices]);
    case 'scale':
      return JSON.stringify([poll.type, poll.scaleMax]);
    case 'wordcloud':
      return JSON.stringify([poll.type, poll.maxWords]);
    case 'text':
      return JSON.stringify([poll.type]);
  }
}

/** The editor's draft (PollDraft) as a poll: option ids kept or made, references checked against the board. */
export function fromDraft(
  doc: Y.Doc,
  /** Every poll of the board, published and drafts: the survey's limit counts them all. */
  polls: readonly Poll[],
  draft: PollDraftParsed,
  base: Pick<Poll, 'id' | 'state' | 'revealed' | 'live' | 'createdAt' | 'results'>,
): Poll {
  const settings = readBoardSettings(doc);
  if (draft.inCall && polls.filter((p) => p.inCall && p.id !== base.id).length >= POLL_LIMITS.surveyQuestions) {
    throw new ServiceError(ErrorCode.VALIDATION_FAILED, `A public call asks at most ${POLL_LIMITS.surveyQuestions} survey questions.`);
  }
  if (draft.questionId !== null && !settings?.questions.some((q) => q.id === draft.questionId)) {
    throw new ServiceError(ErrorCode.VALIDATION_FAILED, 'questionId: not one of the board\u2019s questions.');
  }
  if (draft.beaconId !== null && !settings?.beacons.some((b) => b.id === draft.beaconId)) {
    throw new ServiceError(ErrorCode.VALIDATION_FAILED, 'beaconId: not one of the board\u2019s beacons.');
  }
  const withIds = (options: Array<{ id?: string | undefined; label: string }>) => {
    const out = options.map((o) => ({ id: o.id ?? `o${randomId(7)}`, label: o.label }));
    if (new Set(out.map((o) => o.id)).size !== out.length) {
      throw new ServiceError(ErrorCode.VALIDATION_FAILED, 'options: two options have the same id.');
    }
    return out;
  };
  const common = {
    // Only these fields carry over from the poll being edited (not its old type's fields).
    id: base.id,
    state: base.state,
    revealed: base.revealed,
    live: base.live,
    createdAt: base.createdAt,
    results: base.results,
    question: draft.question,
    questionId: draft.questionId,
    beaconId: draft.beaconId,
    resultMode: draft.resultMode,
    inCall: draft.inCall,
    updatedAt: Date.now(),
  };
  let poll: unknown;
  switch (draft.type) {
    case 'single':
    case 'ranking':
      poll = { ...common, type: draft.type, options: withIds(draft.options) };
      break;
    case 'multiple':
      if (draft.maxChoices !== null && draft.maxChoices > draft.options.length) {
        throw new ServiceError(ErrorCode.VALIDATION_FAILED, 'maxChoices: more than there are options.');
      }
      poll = { ...common, type: draft.type, options: withIds(draft.options), maxChoices: draft.maxChoices };
      break;
    case 'scale':
      poll = { ...common, type: draft.type, scaleMax: draft.scaleMax, minLabel: draft.minLabel, maxLabel: draft.maxLabel };
      break;
    case 'wordcloud':
      poll = { ...common, type: draft.type, maxWords: draft.maxWords };
      break;
    case 'text':
      poll = { ...common, type: draft.type };
      break;
  }
  return pollSchema.parse(poll);
}
