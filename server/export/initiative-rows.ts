import { copenhagenIso, type Idea, type IdeaStatus, type Initiative } from '../../shared';
import type { ExportLabels } from './labels';
import type { RowBuilder } from './rows';
import type { BoardSnapshot } from './snapshot';
import type { InitiativeRow } from './columns';

/** An initiative with its codes turned into words and its ideas looked up. */
export interface InitiativeView {
  initiative: Initiative;
  scale: string;
  kind: string;
  /** Beacon names; a beacon since removed from the board is left out, as for ideas. */
  beacons: string[];
  /** The phase label, or '' when none is set. */
  targetPhase: string;
  /** The published ideas it came from, in the initiative's order, with their status. */
  ideas: Array<{ idea: Idea; status: IdeaStatus }>;
  /**
   * Linked ideas that are not published any more (hidden or deleted by a moderator): counted,
   * never quoted, since a moderator decided their text should not be shown.
   */
  notShown: number;
}

export function initiativeViews(snapshot: BoardSnapshot, rows: RowBuilder): InitiativeView[] {
  const l = rows.labels;
  const published = new Map(snapshot.ideas.map((idea) => [idea.id, idea]));
  return snapshot.initiatives.map((initiative) => {
    const ideaIds = [...new Set(initiative.ideaIds)];
    const ideas = ideaIds.flatMap((id) => {
      const idea = published.get(id);
      return idea ? [{ idea, status: rows.statusOf(id) }] : [];
    });
    return {
      initiative,
      scale: l.scale[initiative.scale],
      kind: l.initiativeKind[initiative.kind],
      beacons: rows.beaconList(initiative),
      targetPhase: initiative.targetPhase === null ? '' : l.phase[initiative.targetPhase],
      ideas,
      notShown: ideaIds.length - ideas.length,
    };
  });
}

export { INITIATIVE_COLUMNS, type InitiativeColumn, type InitiativeRow } from './columns';

export function initiativeRow(view: InitiativeView, labels: ExportLabels): InitiativeRow {
  const i = view.initiative;
  const ideas = view.ideas.map(({ idea }) => idea.text.replace(/\r\n?|\n/g, ' '));
  if (view.notShown > 0) ideas.push(`(${labels.report.ideasNotShown(view.notShown)})`);
  return {
    id: i.id,
    title: i.title,
    description: i.description,
    scale: view.scale,
    kind: view.kind,
    responsibleUnit: i.responsibleUnit ?? '',
    beacons: view.beacons.join(', '),
    targetPhase: view.targetPhase,
    decisionLink: i.decisionLink ?? '',
    ideas: ideas.join('\n'),
    ideaIds: [...new Set(i.ideaIds)].join('\n'),
    createdAt: copenhagenIso(i.createdAt),
    updatedAt: copenhagenIso(i.updatedAt),
    updatedBy: i.updatedBy.name ?? '',
  };
}

/**
 * A decision link fit to be a link in a report: http(s) only (the schema accepts any URL,
 * `javascript:` included), normalised by the URL parser so it holds no spaces, double
 * quotes or angle brackets. Anything else is shown as text, never linked.
 */
export function httpLink(url: string | null): string | null {
  if (url === null) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}
