import type { Poll, PollResults } from '../../shared';
import { pollOptions } from '../../shared';

export interface ResultRow {
  key: string;
  label: string;
  count: number;
  /** 0–100, rounded; null where a share means nothing (ranking). */
  percent: number | null;
  /** Ranking: the average place. */
  averagePlace?: number | null;
}

/**
 * The rows every view of a poll's results is drawn from: the chart, the table for screen
 * readers, and the exports agree because they share this. Shares are of the people who
 * answered (a multiple-choice poll's shares can add up to more than 100).
 */
export function resultRows(poll: Poll, results: PollResults): ResultRow[] {
  const share = (n: number) => (results.answers === 0 ? 0 : Math.round((n / results.answers) * 100));
  const labelOf = new Map(pollOptions(poll).map((o) => [o.id, o.label]));
  switch (results.kind) {
    case 'choice':
      return pollOptions(poll).map((o) => ({ key: o.id, label: o.label, count: results.counts[o.id] ?? 0, percent: share(results.counts[o.id] ?? 0) }));
    case 'scale':
      return results.distribution.map((n, i) => ({ key: String(i + 1), label: String(i + 1), count: n, percent: share(n) }));
    case 'words':
      return results.words.map((w) => ({ key: w.word, label: w.word, count: w.count, percent: share(w.count) }));
    case 'ranking':
      return results.order.map((o) => ({ key: o.optionId, label: labelOf.get(o.optionId) ?? o.optionId, count: results.answers, percent: null, averagePlace: o.averagePlace }));
    case 'text':
      return [];
  }
}
