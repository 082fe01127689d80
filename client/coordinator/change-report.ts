import type { TFunction } from 'i18next';
import { IDEA_STATUSES, type OverviewBoard, type OverviewChange, type OverviewCounts, type OverviewTheme } from '../../shared';
import { statusLabel } from './labels';
import { formatCopenhagen, formatCopenhagenDay } from './time';

export interface BoardChanges {
  boardId: string;
  boardTitle: string;
  changes: OverviewChange[];
}

/** Changes grouped by board: the board with the latest change first, each board newest first. */
export function groupChanges(changes: readonly OverviewChange[]): BoardChanges[] {
  const groups = new Map<string, BoardChanges>();
  const sorted = [...changes].sort((a, b) => b.at - a.at);
  for (const change of sorted) {
    let group = groups.get(change.boardId);
    if (!group) {
      group = { boardId: change.boardId, boardTitle: change.boardTitle, changes: [] };
      groups.set(change.boardId, group);
    }
    group.changes.push(change);
  }
  return [...groups.values()];
}

/** What happened, without the when and who: "Ny status: Udvalgt". */
export function changeKindText(t: TFunction, change: OverviewChange): string {
  if (change.kind === 'status-changed') {
    return t('coordinator.changes.kind.status-changed', { status: statusLabel(t, change.status ?? 'new') });
  }
  return t(`coordinator.changes.kind.${change.kind}`);
}

export interface ReportInput {
  since: number;
  generatedAt: number;
  boards: readonly OverviewBoard[];
  counts: OverviewCounts;
  changes: readonly OverviewChange[];
  /** The filters in force, already described ("Status: Udvalgt"). */
  filters: readonly string[];
  /** Themes across the boards, when the coordinator asked for them. */
  themes?: readonly OverviewTheme[] | null;
}

/**
 * The status report as plain text, to paste into a memo or an e-mail to the committee:
 * the period, the totals by status, then every change, board by board, newest first.
 */
export function reportText(t: TFunction, locale: string, input: ReportInput): string {
  const day = formatCopenhagenDay(input.since, locale);
  const lines: string[] = [
    t('coordinator.report.title', { date: day }),
    t('coordinator.report.generated', { time: formatCopenhagen(input.generatedAt, locale) }),
  ];
  if (input.filters.length > 0) lines.push(t('coordinator.report.filters', { list: input.filters.join('; ') }));
  lines.push('');
  lines.push(
    t('coordinator.report.totals', {
      ideas: t('coordinator.overview.ideas', { count: input.counts.total }),
      boards: t('coordinator.overview.boards', { count: input.boards.length }),
    }),
  );
  const byStatus = IDEA_STATUSES.map((status) => `${statusLabel(t, status)} ${input.counts.status[status] ?? 0}`);
  lines.push(t('coordinator.report.byStatus', { list: byStatus.join(', ') }));
  lines.push('');
  lines.push(`${t('coordinator.report.changes', { date: day })} (${input.changes.length})`);
  const groups = groupChanges(input.changes);
  if (groups.length === 0) lines.push(t('coordinator.report.noChanges'));
  for (const group of groups) {
    lines.push('');
    lines.push(`${group.boardTitle || t('coordinator.overview.untitled')} (${t('coordinator.changes.boardChanges', { count: group.changes.length })})`);
    for (const change of group.changes) {
      const by = change.by ? ` (${t('coordinator.changes.by', { name: change.by })})` : '';
      lines.push(`- ${formatCopenhagen(change.at, locale)} · ${changeKindText(t, change)}: “${oneLine(change.text)}”${by}`);
      if (change.rationale) lines.push(`  ${t('coordinator.changes.rationale', { text: oneLine(change.rationale) })}`);
    }
  }
  if (input.themes && input.themes.length > 0) {
    lines.push('');
    lines.push(t('sense.overview.report', { count: input.themes.length }));
    for (const theme of input.themes) {
      const boards = theme.boards.map((board) => `${board.boardTitle || t('coordinator.overview.untitled')} ${board.count}`).join(', ');
      lines.push(t('sense.overview.reportTheme', { label: theme.label, ideas: t('sense.overview.ideas', { count: theme.ideas.length }), boards }));
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Line breaks inside an idea would break the list apart when pasted. */
function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
