import type { PollErrorCode } from './polls.da';

/** Texts of the poll screens (en), typed as the Danish ones so both stay complete. */
export const pollErrorCodesEn: Record<PollErrorCode, string> = {
  POLL_NOT_FOUND: 'The poll does not exist (any more).',
  POLL_NOT_OPEN: 'The poll is not taking answers right now.',
  POLL_WRONG_TYPE: 'The answer does not fit the type of poll.',
  POLL_OPTION_INVALID: 'That answer is not one of this poll\u2019s choices.',
  POLL_TOO_MANY_CHOICES: 'You chose more than the poll allows.',
  POLL_WORD_TOO_LONG: 'One of the words is too long (or empty). Write short words.',
  POLL_DUPLICATE_ENTRY: 'The same choice appears twice.',
  POLL_RANKING_INCOMPLETE: 'Put every choice in order.',
  POLL_HAS_ANSWERS: 'The poll already has answers, so its type and choices cannot change. Make a new poll.',
};
