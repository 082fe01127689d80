import { useTranslation } from 'react-i18next';
import type { Poll, PollResults } from '../../shared';
import { resultRows, type ResultRow } from './results-table';

/**
 * A poll's results as a chart (bars for choices and scale, a cloud for words, the average
 * order for a ranking) drawn with plain CSS, and the same numbers as a table. The chart is
 * hidden from screen readers; the table is for them (and visible when `showTable`).
 */
export function PollResultsView({ poll, results, variant = 'panel', showTable = false }: { poll: Poll; results: PollResults; variant?: 'panel' | 'wall'; showTable?: boolean }) {
  const { t } = useTranslation();
  const rows = resultRows(poll, results);
  return (
    <div className={`poll-results poll-results--${variant}`} data-poll-results={results.kind}>
      <p className="poll-results__count" data-poll-count={results.answers}>
        {t('polls.results.answers', { count: results.answers })}
        {results.kind === 'scale' && results.mean !== null ? <span className="poll-results__mean"> · {t('polls.results.mean', { mean: formatNumber(results.mean) })}</span> : null}
      </p>
      <div aria-hidden="true">{results.answers === 0 ? null : <Chart poll={poll} results={results} rows={rows} />}</div>
      {results.kind === 'text' ? <p className="poll-results__note">{t('polls.results.textOnly')}</p> : null}
      <ResultsTable poll={poll} results={results} rows={rows} visible={showTable} />
    </div>
  );
}

function formatNumber(n: number): string {
  return n.toLocaleString(undefined, { maximumFractionDigits: 2 });
}

function Chart({ poll, results, rows }: { poll: Poll; results: PollResults; rows: ResultRow[] }) {
  if (results.kind === 'words') {
    const max = Math.max(1, ...rows.map((r) => r.count));
    return (
      <ul className="poll-cloud">
        {rows.map((r) => (
          // Sized by frequency: 1 em for the rarest, up to 3.5 em for the most frequent.
          <li key={r.key} className="poll-cloud__word" style={{ fontSize: `${1 + 2.5 * (r.count / max)}em` }}>
            {r.label}
          </li>
        ))}
      </ul>
    );
  }
  if (results.kind === 'scale') {
    const max = Math.max(1, ...rows.map((r) => r.count));
    return (
      <div className="poll-scale">
        <div className="poll-scale__bars">
          {rows.map((r) => (
            <div key={r.key} className="poll-scale__column">
              <span className="poll-scale__n">{r.count}</span>
              <span className="poll-scale__bar" style={{ height: `${(r.count / max) * 100}%` }} />
              <span className="poll-scale__value">{r.label}</span>
            </div>
          ))}
        </div>
        {poll.type === 'scale' ? (
          <div className="poll-scale__ends">
            <span>{poll.minLabel}</span>
            <span>{poll.maxLabel}</span>
          </div>
        ) : null}
      </div>
    );
  }
  if (results.kind === 'ranking') {
    const places = rows.length;
    return (
      <ol className="poll-ranking">
        {rows.map((r) => (
          <li key={r.key} className="poll-ranking__item">
            <span className="poll-ranking__label">{r.label}</span>
            <span className="poll-bar">
              {/* Place 1 fills the bar; the last place leaves a sliver. */}
              <span className="poll-bar__fill" style={{ width: `${r.averagePlace == null ? 0 : ((places + 1 - r.averagePlace) / places) * 100}%` }} />
            </span>
            <span className="poll-ranking__place">{r.averagePlace == null ? '–' : formatNumber(r.averagePlace)}</span>
          </li>
        ))}
      </ol>
    );
  }
  if (results.kind === 'choice') {
    return (
      <ul className="poll-bars">
        {rows.map((r) => (
          <li key={r.key} className="poll-bars__row">
            <span className="poll-bars__label">{r.label}</span>
            <span className="poll-bar">
              <span className="poll-bar__fill" style={{ width: `${r.percent ?? 0}%` }} />
            </span>
            <span className="poll-bars__value">
              {r.count} · {r.percent ?? 0} %
            </span>
          </li>
        ))}
      </ul>
    );
  }
  return null;
}

function ResultsTable({ poll, results, rows, visible }: { poll: Poll; results: PollResults; rows: ResultRow[]; visible: boolean }) {
  const { t } = useTranslation();
  if (results.kind === 'text') return null;
  const first = results.kind === 'scale' ? t('polls.results.value') : results.kind === 'words' ? t('polls.results.word') : t('polls.results.option');
  return (
    <table className={visible ? 'poll-table' : 'sr-only'}>
      <caption>{t('polls.results.tableCaption', { question: poll.question })}</caption>
      <thead>
        <tr>
          {results.kind === 'ranking' ? <th scope="col">{t('polls.results.place')}</th> : null}
          <th scope="col">{first}</th>
          {results.kind === 'ranking' ? (
            <th scope="col">{t('polls.results.averagePlace')}</th>
          ) : (
            <>
              <th scope="col">{t('polls.results.count')}</th>
              <th scope="col">{t('polls.results.percent')}</th>
            </>
          )}
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <tr>
            <td colSpan={3}>{t('polls.results.noAnswers')}</td>
          </tr>
        ) : (
          rows.map((r, i) => (
            <tr key={r.key}>
              {results.kind === 'ranking' ? <td>{i + 1}</td> : null}
              <th scope="row">{r.label}</th>
              {results.kind === 'ranking' ? (
                <td>{r.averagePlace == null ? '–' : formatNumber(r.averagePlace)}</td>
              ) : (
                <>
                  <td>{r.count}</td>
                  <td>{r.percent ?? 0} %</td>
                </>
              )}
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}
