import type { ExportLabels } from './labels';
import { escapeHtml } from './html-text';
import { mdText } from './markdown-text';
import { pollSummaryRows, pollWords, type PollExport } from './poll-export';

const SECTION = { da: { heading: 'Afstemninger', answers: (n: number) => (n === 1 ? '1 svar' : `${n} svar`) }, en: { heading: 'Polls', answers: (n: number) => (n === 1 ? '1 answer' : `${n} answers`) } };

function localeOf(labels: ExportLabels): 'da' | 'en' {
  return labels.languageTag.startsWith('da') ? 'da' : 'en';
}

/** Per poll: its rows of the summary table, without the poll's own columns (question, type, state, answers). */
function pollTables(polls: readonly PollExport[], labels: ExportLabels) {
  return polls.map((p) => {
    const [head, ...rows] = pollSummaryRows([p], labels);
    return { poll: p, head: head!.slice(4), rows: rows.map((r) => r.slice(4)) };
  });
}

/** Columns that hold something for this poll's type (a scale has no average place, …). */
function usedColumns(rows: Array<Array<string | number | null>>, width: number): number[] {
  return Array.from({ length: width }, (_, i) => i).filter((i) => i === 0 || rows.some((r) => r[i] !== null));
}

const fmt = (v: string | number | null) => (v === null ? '' : String(v));

/** The report's poll section in Markdown: per poll a heading, the count, and its table. */
export function pollsMarkdown(labels: ExportLabels, polls: readonly PollExport[]): string[] {
  if (polls.length === 0) return [];
  const s = SECTION[localeOf(labels)];
  const w = pollWords(labels);
  const out = [`## ${s.heading}`, ''];
  for (const { poll: p, head, rows } of pollTables(polls, labels)) {
    out.push(`### ${mdText(p.poll.question).replace(/\\\n/g, ' ')}`, '', `${w.type[p.poll.type]} · ${s.answers(p.results.answers)}`, '');
    const cols = usedColumns(rows, head.length);
    const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
    out.push(line(cols.map((i) => fmt(head[i]!))), line(cols.map((_, i) => (i === 0 ? '---' : '---:'))));
    for (const r of rows) out.push(line(cols.map((i) => (typeof r[i] === 'string' ? mdText(r[i]).replace(/\\\n/g, ' ') : fmt(r[i]!)))));
    out.push('');
  }
  return out;
}

/**
 * The report's poll section in HTML: per poll a bar chart (CSS widths, hidden from screen
 * readers) and the same numbers as a table, which is what a screen reader reads.
 */
export function pollsHtml(labels: ExportLabels, polls: readonly PollExport[]): string[] {
  if (polls.length === 0) return [];
  const s = SECTION[localeOf(labels)];
  const w = pollWords(labels);
  const out = ['<section class="polls">', `<h2>${escapeHtml(s.heading)}</h2>`];
  for (const { poll: p, head, rows } of pollTables(polls, labels)) {
    out.push('<article class="poll">', `<h3>${escapeHtml(p.poll.question)}</h3>`, `<p>${escapeHtml(`${w.type[p.poll.type]} · ${s.answers(p.results.answers)}`)}</p>`);
    const bars = rows.filter((r) => typeof r[1] === 'number' && typeof r[2] === 'number');
    if (bars.length > 0 && p.results.kind !== 'text') {
      out.push('<div class="poll-chart" aria-hidden="true">');
      for (const r of bars) {
        const percent = Math.max(0, Math.min(100, Number(r[2])));
        out.push(`<div class="poll-chart__row"><span>${escapeHtml(fmt(r[0]!))}</span><span class="poll-chart__bar"><span style="width:${percent}%"></span></span><span>${escapeHtml(`${fmt(r[1]!)} · ${percent} %`)}</span></div>`);
      }
      out.push('</div>');
    }
    const cols = usedColumns(rows, head.length);
    out.push('<table>', `<thead><tr>${cols.map((i) => `<th scope="col">${escapeHtml(fmt(head[i]!))}</th>`).join('')}</tr></thead>`, '<tbody>');
    for (const r of rows) out.push(`<tr>${cols.map((i) => (i === 0 ? `<th scope="row">${escapeHtml(fmt(r[i]!))}</th>` : `<td>${escapeHtml(fmt(r[i]!))}</td>`)).join('')}</tr>`);
    out.push('</tbody></table>', '</article>');
  }
  out.push('</section>');
  return out;
}

export const POLL_STYLE =
  '.poll-chart{display:grid;gap:4px;margin:8px 0}.poll-chart__row{display:grid;grid-template-columns:minmax(8em,1fr) 2fr auto;gap:8px;align-items:center}' +
  '.poll-chart__bar{display:block;height:12px;background:#eef2f8;border:1px solid #c8d0dc}.poll-chart__bar span{display:block;height:100%;background:#1f4e8c}';
