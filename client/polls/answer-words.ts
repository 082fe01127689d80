import type { TFunction } from 'i18next';
import { pollOptions, type Poll, type PollAnswer } from '../../shared';

/**
 * A stored answer in words, for "you answered": choices by their labels, a scale as "4 of
 * 5", a ranking in its order, words and text as stored (the export's answerText, in the
 * reader's language).
 */
export function answerInWords(t: TFunction, poll: Poll, answer: PollAnswer): string {
  const labelOf = new Map(pollOptions(poll).map((o) => [o.id, o.label]));
  const label = (id: string) => labelOf.get(id) ?? id;
  switch (answer.type) {
    case 'single':
      return label(answer.optionId);
    case 'multiple':
      return answer.optionIds.map(label).join(', ');
    case 'scale':
      return t('polls.survey.scaleValue', { value: answer.value, max: poll.type === 'scale' ? poll.scaleMax : answer.value });
    case 'wordcloud':
      return answer.words.join(', ');
    case 'ranking':
      return answer.order.map((id, i) => `${i + 1}. ${label(id)}`).join(', ');
    case 'text':
      return answer.text;
  }
}
