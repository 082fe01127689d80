import { pollsMarkdown } from './poll-report';
import { httpLink, type InitiativeView } from './initiative-rows';
import type { ExportLabels } from './labels';
import { Pacer } from './pacing';
import { PHASE_SLOTS, PRINCIPLE_SLOTS, phaseLabel, principleLabel, type ReportModel } from './report';
import { copenhagenReadable } from '../../shared';
import { mdText } from './markdown-text';

export { mdText } from './markdown-text';

function cell(text: string): string {
  return mdText(text).replace(/\\\n\s*/g, ' ');
}

function table(head: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map((_, i) => (i === 0 ? '---' : '---:'))), ...rows.map(line)].join('\n');
}

/** The report in Markdown: the same content and order as the HTML report. */
export async function renderMarkdown(model: ReportModel): Promise<Buffer> {
  const l = model.labels;
  const r = l.report;
  const pacer = new Pacer();
  const out: string[] = [];
  out.push(`# ${mdText(model.title)}`, '');
  out.push(`${r.kind} · ${r.exported} ${copenhagenReadable(model.exportedAt)}`, '');
  if (model.description.trim()) out.push(mdText(model.description), '');

  out.push(`## ${r.summary}`, '');
  out.push(`- ${r.ideas}: ${model.counts.total}`);
  out.push(`- ${r.contributors}: ${model.counts.contributors}`);
  out.push(`- ${r.initiatives}: ${model.initiatives.length}`);
  out.push(`- ${model.votesRevealed ? r.votesRevealed : r.votesHidden}`, '');

  out.push(`### ${r.phasePrinciple}`, '');
  const pp = model.counts.phasePrinciple;
  out.push(
    table(
      [l.columns.phase, ...PRINCIPLE_SLOTS.map((s) => cell(principleLabel(l, s))), r.total],
      PHASE_SLOTS.map((phase, i) => {
        const row = pp[i]!;
        return [cell(phaseLabel(l, phase)), ...row.map(String), String(row.reduce((a, b) => a + b, 0))];
      }).concat([[r.total, ...PRINCIPLE_SLOTS.map((_, j) => String(pp.reduce((sum, row) => sum + row[j]!, 0))), String(model.counts.total)]]),
    ),
    '',
  );
  out.push(`### ${r.byStatus}`, '');
  out.push(
    table(
      [l.columns.status, r.ideas],
      model.counts.statuses.map((s) => [cell(s.label), String(s.count)]).concat([[r.total, String(model.counts.total)]]),
    ),
    '',
  );
  out.push(`### ${r.byTrack}`, '');
  out.push(table([l.columns.track, r.ideas], model.counts.tracks.map((t) => [cell(t.label), String(t.count)])), '');
  if (model.counts.questions.length > 0) {
    out.push(`### ${r.questions}`, '');
    out.push(table([l.columns.question, r.ideas], model.counts.questions.map((q) => [cell(q.label), String(q.count)])), '');
  }
  if (model.counts.beacons.length > 0) {
    out.push(`### ${r.beacons}`, '');
    out.push(table([l.columns.beacons, r.ideas], model.counts.beacons.map((b) => [cell(b.label), String(b.count)])), '');
  }

  out.push(...initiativesMarkdown(l, model.initiatives));
  out.push(...pollsMarkdown(l, model.polls));

  out.push(`## ${r.ideas}`, '');
  if (model.groups.length === 0) out.push(r.noIdeas, '');
  for (const group of model.groups) {
    out.push(`### ${mdText(group.title)} (${r.ideaCount(group.count)})`, '');
    for (const principle of group.principles) {
      out.push(`#### ${mdText(principle.title)} (${r.ideaCount(principle.ideas.length)})`, '');
      for (const idea of principle.ideas) {
        const votes = idea.votes === null ? '' : ` **(${r.voteCount(idea.votes)})**`;
        out.push(`- ${mdText(idea.text, '  ')}${votes}  `);
        const facts = [mdText(idea.byline), ...idea.facts.map(([k, v]) => `${k}: ${mdText(v)}`)];
        out.push(`  *${facts.join(' · ')}*  `);
        const rationale = idea.rationale === null ? '' : ` · ${r.rationale}: ${mdText(idea.rationale, '  ')}`;
        out.push(`  **${r.status}: ${idea.statusLabel}**${rationale}`);
        await pacer.step();
      }
      out.push('');
    }
  }
  return Buffer.from(out.join('\n'), 'utf8');
}

/** The "Initiatives" section, in the same order and with the same fields as the HTML report. */
function initiativesMarkdown(l: ExportLabels, views: InitiativeView[]): string[] {
  const r = l.report;
  const c = l.initiativeColumns;
  const out = [`## ${r.initiatives}`, ''];
  if (views.length === 0) out.push(r.noInitiatives, '');
  for (const view of views) {
    const i = view.initiative;
    // One line: a line break in a heading would end it.
    out.push(`### ${cell(i.title)}`, '');
    if (i.description.trim()) out.push(mdText(i.description), '');
    const facts: Array<[string, string]> = [
      [c.scale, view.scale],
      [c.kind, view.kind],
    ];
    if (i.responsibleUnit) facts.push([c.responsibleUnit, cell(i.responsibleUnit)]);
    if (view.beacons.length > 0) facts.push([c.beacons, cell(view.beacons.join(', '))]);
    if (view.targetPhase) facts.push([c.targetPhase, view.targetPhase]);
    if (i.decisionLink) {
      const href = httpLink(i.decisionLink);
      facts.push([c.decisionLink, href === null ? cell(i.decisionLink) : `<${href}>`]);
    }
    out.push(...facts.map(([k, v]) => `- **${k}:** ${v}`), '');
    if (view.ideas.length > 0 || view.notShown > 0) out.push(`**${r.fromIdeas}:**`, '');
    for (const { idea, status } of view.ideas) out.push(`- ${mdText(idea.text, '  ')} (${r.status}: ${l.status[status]})`);
    if (view.notShown > 0) out.push(`- *${r.ideasNotShown(view.notShown)}*`);
    if (view.ideas.length > 0 || view.notShown > 0) out.push('');
  }
  return out;
}
