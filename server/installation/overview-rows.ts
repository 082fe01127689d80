import { copenhagenIso, type OverviewIdea } from '../../shared';

/** Columns of the overview's CSV and workbook: wire names, one idea per row. */
export const OVERVIEW_COLUMNS = [
  'board', 'boardId', 'ideaId', 'text', 'status', 'statusRationale', 'statusChangedAt', 'phase', 'principle', 'track',
  'beacons', 'initiatives', 'contributorType', 'organisation', 'author', 'createdAt',
];

export function overviewRow(idea: OverviewIdea): Array<string | number | null> {
  const iso = (ms: number | null) => (ms === null ? null : copenhagenIso(ms));
  return [
    idea.boardTitle, idea.boardId, idea.id, idea.text, idea.status, idea.statusRationale, iso(idea.statusChangedAt),
    idea.phase, idea.principle, idea.track, idea.beaconNames.join(', '), idea.initiatives.join('; '), idea.contributorType,
    idea.organisation, idea.authorName, iso(idea.createdAt),
  ];
}
