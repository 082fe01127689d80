import { POLL_LIMITS, pollOptions, type Poll, type PollAnswer } from '../../shared';

/** What the answer card edits before sending, one shape for every type. */
export interface AnswerDraft {
  chosen: string[];
  value: number | null;
  words: string[];
  order: string[];
  text: string;
}

/** Starts from one's stored answer, or empty (a ranking starts in the poll's order). */
export function draftFrom(poll: Poll, answer: PollAnswer | null): AnswerDraft {
  const draft: AnswerDraft = { chosen: [], value: null, words: [], order: pollOptions(poll).map((o) => o.id), text: '' };
  if (!answer || answer.type !== poll.type) return draft;
  if (answer.type === 'single') draft.chosen = [answer.optionId];
  if (answer.type === 'multiple') draft.chosen = answer.optionIds;
  if (answer.type === 'scale') draft.value = answer.value;
  if (answer.type === 'wordcloud') draft.words = answer.words;
  if (answer.type === 'ranking') draft.order = answer.order;
  if (answer.type === 'text') draft.text = answer.text;
  return draft;
}

/** The answer to send, or null while the draft is not one yet (nothing chosen, no words). */
export function answerOf(poll: Poll, draft: AnswerDraft): PollAnswer | null {
  switch (poll.type) {
    case 'single':
      return draft.chosen[0] ? { type: 'single', optionId: draft.chosen[0] } : null;
    case 'multiple':
      return draft.chosen.length > 0 ? { type: 'multiple', optionIds: draft.chosen } : null;
    case 'scale':
      return draft.value === null ? null : { type: 'scale', value: draft.value };
    case 'wordcloud': {
      const words = draft.words.map((w) => w.trim()).filter((w) => w.length > 0).slice(0, POLL_LIMITS.maxWords);
      return words.length > 0 ? { type: 'wordcloud', words } : null;
    }
    case 'ranking':
      return { type: 'ranking', order: draft.order };
    case 'text':
      return draft.text.trim() ? { type: 'text', text: draft.text.trim() } : null;
  }
}

/** Moves one entry of a ranking by one place (up: -1). */
export function moved(order: string[], index: number, by: -1 | 1): string[] {
  const target = index + by;
  if (target < 0 || target >= order.length) return order;
  const next = [...order];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}
