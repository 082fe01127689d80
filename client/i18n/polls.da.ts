import type { ErrorCode } from '../../shared';

export type PollErrorCode = Extract<ErrorCode, `POLL_${string}`>;

/** Texts of the poll screens (da). Spread into da.ts; polls.en.ts has the same shape. */
export const pollErrorCodesDa: Record<PollErrorCode, string> = {
  POLL_NOT_FOUND: 'Afstemningen findes ikke (længere).',
  POLL_NOT_OPEN: 'Afstemningen tager ikke imod svar lige nu.',
  POLL_WRONG_TYPE: 'Svaret passer ikke til afstemningens type.',
  POLL_OPTION_INVALID: 'Det svar kan man ikke vælge i denne afstemning.',
  POLL_TOO_MANY_CHOICES: 'Du har valgt flere, end man må.',
  POLL_WORD_TOO_LONG: 'Et af ordene er for langt (eller tomt). Skriv korte ord.',
  POLL_DUPLICATE_ENTRY: 'Den samme mulighed står der to gange.',
  POLL_RANKING_INCOMPLETE: 'Sæt alle mulighederne i rækkefølge.',
  POLL_HAS_ANSWERS: 'Afstemningen har allerede svar, så type og muligheder kan ikke ændres. Lav en ny afstemning.',
};
