import {
  ErrorCode,
  POLL_LIMITS,
  normaliseWord,
  pollOptions,
  type Poll,
  type PollAnswer,
} from '../../shared';
import { ServiceError } from '../core/errors';

function refuse(code: ErrorCode, message: string): never {
  throw new ServiceError(code, message, 400);
}

/**
 * Checks an answer against its poll and returns it as it will be stored (word-cloud words
 * normalised, choices in the poll's option order). Every refusal names what is wrong; the
 * caller stores nothing when this throws.
 */
export function checkAnswer(poll: Poll, answer: PollAnswer): PollAnswer {
  if (answer.type !== poll.type) {
    refuse(ErrorCode.POLL_WRONG_TYPE, `This poll takes "${poll.type}" answers, not "${answer.type}".`);
  }
  const known = new Set(pollOptions(poll).map((o) => o.id));
  const requireKnown = (ids: string[]) => {
    const unknown = ids.find((id) => !known.has(id));
    if (unknown !== undefined) refuse(ErrorCode.POLL_OPTION_INVALID, `The poll has no option "${unknown}".`);
  };
  const requireDistinct = (ids: string[]) => {
    if (new Set(ids).size !== ids.length) refuse(ErrorCode.POLL_DUPLICATE_ENTRY, 'The same option appears more than once.');
  };
  switch (answer.type) {
    case 'single':
      requireKnown([answer.optionId]);
      return answer;
    case 'multiple': {
      requireKnown(answer.optionIds);
      requireDistinct(answer.optionIds);
      const max = poll.type === 'multiple' && poll.maxChoices !== null ? poll.maxChoices : known.size;
      if (answer.optionIds.length > max) refuse(ErrorCode.POLL_TOO_MANY_CHOICES, `At most ${max} choices.`);
      const order = pollOptions(poll).map((o) => o.id);
      return { type: 'multiple', optionIds: order.filter((id) => answer.optionIds.includes(id)) };
    }
    case 'scale': {
      const max = poll.type === 'scale' ? poll.scaleMax : 0;
      if (answer.value < 1 || answer.value > max) refuse(ErrorCode.POLL_OPTION_INVALID, `The scale runs from 1 to ${max}.`);
      return answer;
    }
    case 'wordcloud': {
      const max = poll.type === 'wordcloud' ? poll.maxWords : POLL_LIMITS.maxWords;
      const words: string[] = [];
      for (const raw of answer.words) {
        const word = normaliseWord(raw);
        if (word.length === 0 || [...word].length > POLL_LIMITS.wordLength) {
          refuse(ErrorCode.POLL_WORD_TOO_LONG, `Each word has 1 to ${POLL_LIMITS.wordLength} characters.`);
        }
        // The same word twice from one person counts once: a cloud weighs people, not repetitions.
        if (!words.includes(word)) words.push(word);
      }
      if (words.length > max) refuse(ErrorCode.POLL_TOO_MANY_CHOICES, `At most ${max} words.`);
      return { type: 'wordcloud', words };
    }
    case 'ranking':
      requireKnown(answer.order);
      requireDistinct(answer.order);
      if (answer.order.length !== known.size) {
        refuse(ErrorCode.POLL_RANKING_INCOMPLETE, `A ranking places all ${known.size} options, each once.`);
      }
      return answer;
    case 'text':
      return { type: 'text', text: answer.text.trim() };
  }
}
