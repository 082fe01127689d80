import type * as Y from 'yjs';
import { pollOptions, readPolls, type Poll, type PollAnswer, type PollResults, copenhagenIso } from '../../shared';
import { PollAnswerBook, tally } from '../polls';
import type { BoardStore } from '../store/board-store';
import type { ExportLabels } from './labels';

/**
 * Polls in the exports (facilitators only, like every export): per poll and option the
 * counts and shares, and per answer a row (anonymous answer id, time, the answer in words,
 * contributor type). The XLSX gets them as the sheets "Afstemninger" and "Afstemningssvar",
 * the CSV as `?part=polls` / `?part=pollAnswers`, the report as a section (poll-report.ts).
 */
export interface PollExport {
  poll: Poll;
  results: PollResults;
  answers: Array<{ answerId: string; answeredAt: number; answer: PollAnswer; contributorType: string | null; name: string | null; via: 'session' | 'call' }>;
}

/**
 * Every poll that was asked (opened at least once: drafts, such as a template's untouched
 * polls, are left out) with its results and answers; oldest poll first, answers by time.
 */
export async function readPollExports(store: BoardStore, boardId: string, doc: Y.Doc): Promise<PollExport[]> {
  const book = new PollAnswerBook(store);
  const out: PollExport[] = [];
  for (const poll of readPolls(doc)) {
    if (poll.state === 'draft') continue;
    const rows = await book.list(boardId, poll.id);
    rows.sort((a, b) => a.answeredAt - b.answeredAt || (a.answerId < b.answerId ? -1 : 1));
    out.push({
      poll,
      results: tally(poll, rows.map((r) => r.answer)),
      answers: rows.map((r) => ({
        answerId: r.answerId,
        answeredAt: r.answeredAt,
        answer: r.answer,
        contributorType: r.contributorType,
        name: r.name ?? null,
        // Public respondents have no session: their record key is `call-…` (server/polls/survey.ts).
        via: r.participantId.startsWith('call-') ? ('call' as const) : ('session' as const),
      })),
    });
  }
  return out;
}

type Locale = 'da' | 'en';
type Value = string | number | null;

const WORDS = {
  da: {
    sheet: 'Afstemninger',
    answersSheet: 'Afstemningssvar',
    summary: ['Afstemning', 'Type', 'Tilstand', 'Svar i alt', 'Mulighed / værdi / ord', 'Antal', 'Andel (%)', 'Gennemsnitlig plads', 'Gennemsnit'],
    answers: ['Afstemning', 'Anonymt svar-id', 'Tidspunkt', 'Svar', 'Bidragstype', 'Navn (givet i indkaldelsen)', 'Kilde'],
    via: { session: 'Workshop', call: 'Indkaldelse' },
    type: { single: 'Ét valg', multiple: 'Flere valg', scale: 'Skala', wordcloud: 'Ordsky', ranking: 'Rangering', text: 'Fritekst' },
    state: { draft: 'Kladde', open: 'Åben', closed: 'Lukket' },
    textAnswers: 'Svar i fritekst (se Afstemningssvar)',
  },
  en: {
    sheet: 'Polls',
    answersSheet: 'Poll answers',
    summary: ['Poll', 'Type', 'State', 'Answers', 'Choice / value / word', 'Count', 'Share (%)', 'Average place', 'Mean'],
    answers: ['Poll', 'Anonymous answer id', 'Time', 'Answer', 'Contributor type', 'Name (given in the call)', 'Source'],
    via: { session: 'Workshop', call: 'Public call' },
    type: { single: 'Single choice', multiple: 'Multiple choice', scale: 'Scale', wordcloud: 'Word cloud', ranking: 'Ranking', text: 'Open text' },
    state: { draft: 'Draft', open: 'Open', closed: 'Closed' },
    textAnswers: 'Open-text answers (see Poll answers)',
  },
} as const;

export function pollLocale(labels: ExportLabels): Locale {
  return labels.languageTag.startsWith('da') ? 'da' : 'en';
}

export function pollWords(labels: ExportLabels) {
  return WORDS[pollLocale(labels)];
}

const share = (n: number, of: number) => (of === 0 ? 0 : Math.round((n / of) * 1000) / 10);

/** The results table: a heading, then per poll one row per option (value, word; one for open text). */
export function pollSummaryRows(polls: readonly PollExport[], labels: ExportLabels): Value[][] {
  const w = pollWords(labels);
  const out: Value[][] = [[...w.summary]];
  for (const { poll, results } of polls) {
    const head = [poll.question, w.type[poll.type], w.state[poll.state], results.answers];
    const labelOf = new Map(pollOptions(poll).map((o) => [o.id, o.label]));
    switch (results.kind) {
      case 'choice':
        for (const o of pollOptions(poll)) out.push([...head, o.label, results.counts[o.id] ?? 0, share(results.counts[o.id] ?? 0, results.answers), null, null]);
        break;
      case 'scale':
        results.distribution.forEach((n, i) => out.push([...head, i + 1, n, share(n, results.answers), null, results.mean]));
        break;
      case 'words':
        for (const word of results.words) out.push([...head, word.word, word.count, share(word.count, results.answers), null, null]);
        if (results.words.length === 0) out.push([...head, null, 0, null, null, null]);
        break;
      case 'ranking':
        for (const o of results.order) out.push([...head, labelOf.get(o.optionId) ?? o.optionId, null, null, o.averagePlace, null]);
        break;
      case 'text':
        out.push([...head, w.textAnswers, results.answers, null, null, null]);
        break;
    }
  }
  return out;
}

/** An answer in words: choices by label, a ranking in order, words and text as given. */
export function answerText(poll: Poll, answer: PollAnswer): string {
  const labelOf = new Map(pollOptions(poll).map((o) => [o.id, o.label]));
  const label = (id: string) => labelOf.get(id) ?? id;
  switch (answer.type) {
    case 'single':
      return label(answer.optionId);
    case 'multiple':
      return answer.optionIds.map(label).join('; ');
    case 'scale':
      return String(answer.value);
    case 'wordcloud':
      return answer.words.join(', ');
    case 'ranking':
      return answer.order.map((id, i) => `${i + 1}. ${label(id)}`).join('; ');
    case 'text':
      return answer.text;
  }
}

/** One row per answer (anonymous: the answer id is not the participant id). */
export function pollAnswerRows(polls: readonly PollExport[], labels: ExportLabels): Value[][] {
  const w = pollWords(labels);
  const out: Value[][] = [[...w.answers]];
  for (const { poll, answers } of polls) {
    for (const a of answers) {
      const type = a.contributorType as keyof ExportLabels['contributorType'] | null;
      out.push([poll.question, a.answerId, copenhagenIso(a.answeredAt), answerText(poll, a.answer), type ? (labels.contributorType[type] ?? type) : null, a.name, w.via[a.via]]);
    }
  }
  return out;
}
