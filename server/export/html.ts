import { POLL_STYLE, pollsHtml } from './poll-report';
import { STATUS_STYLE, initiativesHtml, statusBadge } from './html-initiatives';
import { escapeHtml, multiline } from './html-text';
import { Pacer } from './pacing';
import { PHASE_SLOTS, PRINCIPLE_SLOTS, phaseLabel, principleLabel, type ReportModel } from './report';
import { copenhagenDate, copenhagenReadable } from '../../shared';

export { escapeHtml };

/**
 * Everything the page needs is here: no scripts, fonts, images or links to load. The
 * Content-Security-Policy meta tag makes that hold even when the file is opened from disk
 * (and in the Chromium that prints the PDF): nothing may be fetched, nothing may run.
 */
const STYLE = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: "Segoe UI", Calibri, "Helvetica Neue", Arial, sans-serif; font-size: 10.5pt; line-height: 1.45; color: #111; margin: 0 auto; max-width: 190mm; padding: 12mm 0; }
h1 { font-size: 20pt; margin: 0 0 2mm; }
h2 { font-size: 15pt; margin: 8mm 0 3mm; border-bottom: 1.5pt solid #1d4f91; padding-bottom: 1mm; color: #1d4f91; }
h3 { font-size: 12pt; margin: 6mm 0 2mm; }
h4 { font-size: 11pt; margin: 4mm 0 2mm; color: #333; }
.meta { color: #444; margin: 0 0 4mm; }
.description { white-space: normal; margin: 0 0 4mm; }
table { border-collapse: collapse; margin: 2mm 0 4mm; width: 100%; }
th, td { border: 0.75pt solid #999; padding: 1.2mm 2mm; text-align: left; vertical-align: top; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
td.n { white-space: nowrap; }
table.grid { table-layout: fixed; font-size: 9pt; }
table.grid th { overflow-wrap: anywhere; hyphens: auto; }
table.grid th:first-child { width: 30%; }
table.grid th:last-child { width: 9%; }
thead th { background: #eef2f8; }
tfoot td, tfoot th { font-weight: bold; }
ul.summary { padding-left: 5mm; }
ol.ideas { list-style: none; padding: 0; margin: 0; }
ol.ideas > li { border: 0.75pt solid #c8c8c8; border-left: 3pt solid #1d4f91; padding: 2mm 3mm; margin: 0 0 2mm; break-inside: avoid; page-break-inside: avoid; }
.idea-text { margin: 0 0 1mm; overflow-wrap: anywhere; }
.idea-meta { margin: 0; color: #444; font-size: 9pt; }
.votes { float: right; font-weight: bold; margin-left: 3mm; }
section.phase { break-before: page; page-break-before: always; }
@page { size: A4; margin: 16mm 15mm 18mm; }
@media print {
  body { padding: 0; max-width: none; }
  h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; page-break-inside: avoid; }
}
`;

function numberCell(n: number): string {
  return `<td class="n">${n}</td>`;
}

/** The report as one standalone, printable HTML page (A4, a page per phase). */
export async function renderHtml(model: ReportModel): Promise<string> {
  const l = model.labels;
  const r = l.report;
  const pacer = new Pacer();
  const out: string[] = [];
  const title = `${model.title} – ${r.kind} ${copenhagenDate(model.exportedAt)}`;
  out.push(
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(l.languageTag)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="Samskab">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}${STATUS_STYLE}${POLL_STYLE}</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<h1>${escapeHtml(model.title)}</h1>`,
    `<p class="meta">${escapeHtml(r.kind)} · ${escapeHtml(r.exported)} <time datetime="${new Date(model.exportedAt).toISOString()}">${escapeHtml(copenhagenReadable(model.exportedAt))}</time></p>`,
  );
  if (model.description.trim()) out.push(`<p class="description">${multiline(model.description)}</p>`);
  out.push('</header>');

  out.push('<section class="summary">', `<h2>${escapeHtml(r.summary)}</h2>`, '<ul class="summary">');
  out.push(`<li>${escapeHtml(r.ideas)}: <strong>${model.counts.total}</strong></li>`);
  out.push(`<li>${escapeHtml(r.contributors)}: <strong>${model.counts.contributors}</strong></li>`);
  out.push(`<li>${escapeHtml(r.initiatives)}: <strong>${model.initiatives.length}</strong></li>`);
  out.push(`<li>${escapeHtml(model.votesRevealed ? r.votesRevealed : r.votesHidden)}</li>`, '</ul>');

  const pp = model.counts.phasePrinciple;
  out.push(`<h3>${escapeHtml(r.phasePrinciple)}</h3>`, '<table class="grid">', '<thead><tr>', `<th scope="col">${escapeHtml(l.columns.phase)}</th>`);
  for (const slot of PRINCIPLE_SLOTS) out.push(`<th scope="col" class="n">${escapeHtml(principleLabel(l, slot))}</th>`);
  out.push(`<th scope="col" class="n">${escapeHtml(r.total)}</th>`, '</tr></thead>', '<tbody>');
  for (const [i, phase] of PHASE_SLOTS.entries()) {
    const row = pp[i]!;
    out.push(`<tr><th scope="row">${escapeHtml(phaseLabel(l, phase))}</th>${row.map(numberCell).join('')}${numberCell(row.reduce((a, b) => a + b, 0))}</tr>`);
  }
  out.push('</tbody>', `<tfoot><tr><th scope="row">${escapeHtml(r.total)}</th>`);
  for (const j of PRINCIPLE_SLOTS.keys()) out.push(numberCell(pp.reduce((sum, row) => sum + row[j]!, 0)));
  out.push(numberCell(model.counts.total), '</tr></tfoot>', '</table>');

  const countTable = (heading: string, column: string, rows: Array<{ label: string; count: number }>, total?: number) => {
    out.push(`<h3>${escapeHtml(heading)}</h3>`, '<table>', `<thead><tr><th scope="col">${escapeHtml(column)}</th><th scope="col" class="n">${escapeHtml(r.ideas)}</th></tr></thead>`, '<tbody>');
    for (const row of rows) out.push(`<tr><td>${escapeHtml(row.label)}</td>${numberCell(row.count)}</tr>`);
    out.push('</tbody>');
    if (total !== undefined) out.push(`<tfoot><tr><th scope="row">${escapeHtml(r.total)}</th>${numberCell(total)}</tr></tfoot>`);
    out.push('</table>');
  };
  countTable(r.byStatus, l.columns.status, model.counts.statuses, model.counts.total);
  countTable(r.byTrack, l.columns.track, model.counts.tracks);
  if (model.counts.questions.length > 0) countTable(r.questions, l.columns.question, model.counts.questions);
  if (model.counts.beacons.length > 0) countTable(r.beacons, l.columns.beacons, model.counts.beacons);
  out.push('</section>');
  out.push(...initiativesHtml(l, model.initiatives));
  out.push(...pollsHtml(l, model.polls));

  if (model.groups.length === 0) out.push(`<section class="phase"><h2>${escapeHtml(r.ideas)}</h2><p>${escapeHtml(r.noIdeas)}</p></section>`);
  for (const group of model.groups) {
    out.push('<section class="phase">', `<h2>${escapeHtml(group.title)} <small>(${escapeHtml(r.ideaCount(group.count))})</small></h2>`);
    for (const principle of group.principles) {
      out.push(`<h3>${escapeHtml(principle.title)} <small>(${escapeHtml(r.ideaCount(principle.ideas.length))})</small></h3>`, '<ol class="ideas">');
      for (const idea of principle.ideas) {
        const votes = idea.votes === null ? '' : `<span class="votes">${escapeHtml(r.voteCount(idea.votes))}</span>`;
        const facts = [escapeHtml(idea.byline), ...idea.facts.map(([k, v]) => `${escapeHtml(k)}: ${escapeHtml(v)}`)].join(' · ');
        const rationale = idea.rationale === null ? '' : ` <span class="rationale">${escapeHtml(r.rationale)}: ${multiline(idea.rationale)}</span>`;
        out.push(
          `<li>${votes}<p class="idea-text">${multiline(idea.text)}</p><p class="idea-meta">${facts}</p>`,
          `<p class="idea-status">${statusBadge(l, idea.status)}${rationale}</p></li>`,
        );
        await pacer.step();
      }
      out.push('</ol>');
    }
    out.push('</section>');
  }
  out.push('</body>', '</html>', '');
  return out.join('\n');
}
