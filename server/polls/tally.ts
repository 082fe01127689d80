import { POLL_LIMITS, pollOptions, type Poll, type PollAnswer, type PollResults } from '../../shared';

/**
 * The aggregate of a poll's answers: counts only. Pure, so the server, the exports and the
 * tests compute results the same way. Answers that no longer fit the poll (none should: an
 * edit that would break them is refused) are skipped rather than miscounted.
 */
export function tally(poll: Poll, answers: readonly PollAnswer[]): PollResults {
  const fitting = answers.filter((a) => a.type === poll.type);
  const count = fitting.length;
  switch (poll.type) {
    case 'single':
    case 'multiple': {
      const counts: Record<string, number> = Object.create(null) as Record<string, number>;
      for (const option of poll.options) counts[option.id] = 0;
      for (const answer of fitting) {
        const chosen = answer.type === 'single' ? [answer.optionId] : answer.type === 'multiple' ? answer.optionIds : [];
        for (const id of chosen) if (Object.hasOwn(counts, id)) counts[id] = (counts[id] ?? 0) + 1;
      }
      return { kind: 'choice', answers: count, counts: { ...counts } };
    }
    case 'scale': {
      const distribution = Array.from({ length: poll.scaleMax }, () => 0);
      let sum = 0;
      let n = 0;
      for (const answer of fitting) {
        if (answer.type !== 'scale' || answer.value < 1 || answer.value > poll.scaleMax) continue;
        distribution[answer.value - 1] = (distribution[answer.value - 1] ?? 0) + 1;
        sum += answer.value;
        n++;
      }
      return { kind: 'scale', answers: count, distribution, mean: n === 0 ? null : Math.round((sum / n) * 100) / 100 };
    }
    case 'wordcloud': {
      const counts = new Map<string, number>();
      for (const answer of fitting) {
        if (answer.type !== 'wordcloud') continue;
        for (const word of new Set(answer.words)) counts.set(word, (counts.get(word) ?? 0) + 1);
      }
      const words = [...counts.entries()]
        .map(([word, n]) => ({ word, count: n }))
        .sort((a, b) => b.count - a.count || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0))
        .slice(0, POLL_LIMITS.cloudWords);
      return { kind: 'words', answers: count, words };
    }
    case 'ranking': {
      const sums = new Map<string, { sum: number; n: number }>(poll.options.map((o) => [o.id, { sum: 0, n: 0 }]));
      for (const answer of fitting) {
        if (answer.type !== 'ranking') continue;
        answer.order.forEach((id, index) => {
          const entry = sums.get(id);
          if (entry) {
            entry.sum += index + 1;
            entry.n++;
          }
        });
      }
      const order = pollOptions(poll).map((o, index) => {
        const entry = sums.get(o.id)!;
        return { optionId: o.id, averagePlace: entry.n === 0 ? null : Math.round((entry.sum / entry.n) * 100) / 100, index };
      });
      // Best (lowest average place) first; unranked last; ties keep the poll's order.
      order.sort((a, b) => (a.averagePlace ?? Infinity) - (b.averagePlace ?? Infinity) || a.index - b.index);
      return { kind: 'ranking', answers: count, order: order.map(({ optionId, averagePlace }) => ({ optionId, averagePlace })) };
    }
    case 'text':
      return { kind: 'text', answers: count };
  }
}

/** No answers yet: the shape the results take before anyone answered. */
export function emptyResults(poll: Poll): PollResults {
  return tally(poll, []);
}
