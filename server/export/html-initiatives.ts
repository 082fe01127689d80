import type { IdeaStatus } from '../../shared';
import { escapeHtml, multiline } from './html-text';
import { httpLink, type InitiativeView } from './initiative-rows';
import type { ExportLabels } from './labels';

/** Styles of the status badges and the initiatives section (added to the report's own). */
export const STATUS_STYLE = `
.status { display: inline-block; font-weight: bold; font-size: 8.5pt; padding: 0 1.5mm; border: 0.75pt solid #1d4f91; border-radius: 1mm; color: #1d4f91; }
.status-realised, .status-started { border-color: #1e6b2e; color: #1e6b2e; }
.status-not-taken-forward { border-color: #8a1c1c; color: #8a1c1c; }
.idea-status { margin: 1mm 0 0; font-size: 9pt; }
.rationale { overflow-wrap: anywhere; }
section.initiatives { break-before: page; page-break-before: always; }
article.initiative { border: 0.75pt solid #c8c8c8; border-left: 3pt solid #1e6b2e; padding: 2mm 3mm; margin: 0 0 3mm; break-inside: avoid; page-break-inside: avoid; }
article.initiative h3 { margin-top: 0; overflow-wrap: anywhere; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.6mm 4mm; margin: 0 0 2mm; }
dl.facts dt { font-weight: bold; }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
ul.from-ideas { margin: 0; padding-left: 5mm; }
ul.from-ideas li { margin: 0 0 1mm; overflow-wrap: anywhere; }
`;

/** A status as a badge whose text says it (colour is never the only cue). */
export function statusBadge(labels: ExportLabels, status: IdeaStatus): string {
  return `<span class="status status-${status}">${escapeHtml(`${labels.report.status}: ${labels.status[status]}`)}</span>`;
}

/** The "Initiatives" section: each with every field a committee asks about, and its ideas. */
export function initiativesHtml(labels: ExportLabels, views: InitiativeView[]): string[] {
  const r = labels.report;
  const c = labels.initiativeColumns;
  const out = ['<section class="initiatives">', `<h2>${escapeHtml(r.initiatives)}</h2>`];
  if (views.length === 0) out.push(`<p>${escapeHtml(r.noInitiatives)}</p>`);
  for (const view of views) {
    const i = view.initiative;
    out.push('<article class="initiative">', `<h3>${escapeHtml(i.title)}</h3>`);
    if (i.description.trim()) out.push(`<p class="description">${multiline(i.description)}</p>`);
    const facts: Array<[string, string]> = [
      [c.scale, escapeHtml(view.scale)],
      [c.kind, escapeHtml(view.kind)],
    ];
    if (i.responsibleUnit) facts.push([c.responsibleUnit, escapeHtml(i.responsibleUnit)]);
    if (view.beacons.length > 0) facts.push([c.beacons, escapeHtml(view.beacons.join(', '))]);
    if (view.targetPhase) facts.push([c.targetPhase, escapeHtml(view.targetPhase)]);
    if (i.decisionLink) {
      const href = httpLink(i.decisionLink);
      facts.push([c.decisionLink, href === null ? escapeHtml(i.decisionLink) : `<a href="${escapeHtml(href)}">${escapeHtml(i.decisionLink)}</a>`]);
    }
    out.push('<dl class="facts">', ...facts.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${v}</dd>`), '</dl>');
    // An existing initiative can be linked to the vision without any idea behind it.
    if (view.ideas.length > 0 || view.notShown > 0) out.push(`<h4>${escapeHtml(r.fromIdeas)}</h4>`);
    if (view.ideas.length > 0) {
      out.push('<ul class="from-ideas">');
      for (const { idea, status } of view.ideas) out.push(`<li>${multiline(idea.text)} ${statusBadge(labels, status)}</li>`);
      out.push('</ul>');
    }
    if (view.notShown > 0) out.push(`<p class="meta">${escapeHtml(r.ideasNotShown(view.notShown))}</p>`);
    out.push('</article>');
  }
  out.push('</section>');
  return out;
}
