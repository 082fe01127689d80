import { copenhagenIso, type OverviewIdea } from '../../shared';
import type { OverviewLabels } from './overview-labels';

/**
 * The columns of the overview's CSV and idea sheet: one idea per row, every value a label a
 * municipal reader knows (the board export's words), plus the board's and the idea's ids so
 * people joining data across exports have a key that never changes with the language.
 * The order is the one the overview CSV has always had, so a column keeps its place.
 */
export interface OverviewColumn {
  heading: (l: OverviewLabels) => string;
  /** Characters, for the workbook. */
  width: number;
  /**
   * date: the value is ms since the epoch, written as Copenhagen ISO time in the CSV and as
   * a real date cell in the workbook; wrap: long text, wrapped in the workbook.
   */
  kind: 'text' | 'wrap' | 'date';
  value: (idea: OverviewIdea, l: OverviewLabels) => string | number | null;
}

export const OVERVIEW_COLUMNS: readonly OverviewColumn[] = [
  { heading: (l) => l.columns.board, width: 24, kind: 'text', value: (i, l) => i.boardTitle || l.untitled },
  { heading: (l) => l.columns.boardId, width: 16, kind: 'text', value: (i) => i.boardId },
  { heading: (l) => l.columns.ideaId, width: 18, kind: 'text', value: (i) => i.id },
  { heading: (l) => l.base.columns.text, width: 60, kind: 'wrap', value: (i) => i.text },
  { heading: (l) => l.base.columns.status, width: 18, kind: 'text', value: (i, l) => l.base.status[i.status] },
  { heading: (l) => l.base.columns.statusRationale, width: 40, kind: 'wrap', value: (i) => i.statusRationale },
  { heading: (l) => l.base.columns.statusChangedAt, width: 18, kind: 'date', value: (i) => i.statusChangedAt },
  { heading: (l) => l.base.columns.phase, width: 30, kind: 'text', value: (i, l) => (i.phase === null ? null : l.base.phase[i.phase]) },
  { heading: (l) => l.base.columns.principle, width: 34, kind: 'text', value: (i, l) => (i.principle === null ? null : l.base.principle[i.principle]) },
  { heading: (l) => l.base.columns.track, width: 18, kind: 'text', value: (i, l) => (i.track === null ? null : l.base.track[i.track]) },
  { heading: (l) => l.base.columns.beacons, width: 28, kind: 'text', value: (i) => i.beaconNames.join(', ') },
  { heading: (l) => l.base.columns.initiatives, width: 36, kind: 'wrap', value: (i) => i.initiatives.join('; ') },
  {
    heading: (l) => l.base.columns.contributorType,
    width: 16,
    kind: 'text',
    value: (i, l) => (i.contributorType === null ? null : l.base.contributorType[i.contributorType]),
  },
  { heading: (l) => l.base.columns.organisation, width: 24, kind: 'text', value: (i) => i.organisation },
  // As the board export: an idea without a name is "Anonym", not an empty cell that reads as missing data.
  { heading: (l) => l.base.columns.author, width: 22, kind: 'text', value: (i, l) => (i.authorName?.trim() ? i.authorName : l.base.anonymous) },
  { heading: (l) => l.base.columns.createdAt, width: 18, kind: 'date', value: (i) => i.createdAt },
];

export function overviewHeadings(l: OverviewLabels): string[] {
  return OVERVIEW_COLUMNS.map((column) => column.heading(l));
}

/** One idea as a CSV row: dates as ISO 8601 in Copenhagen time with the offset, like the board CSV. */
export function overviewCsvRow(idea: OverviewIdea, l: OverviewLabels): Array<string | number | null> {
  return OVERVIEW_COLUMNS.map((column) => {
    const value = column.value(idea, l);
    return column.kind === 'date' && typeof value === 'number' ? copenhagenIso(value) : value;
  });
}
