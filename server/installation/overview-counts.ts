import {
  CONTRIBUTOR_TYPES,
  IDEA_STATUSES,
  PHASES,
  PRINCIPLES,
  TRACKS,
  type OverviewCounts,
} from '../../shared';
import { phaseLabel, principleLabel } from '../export';
import type { OverviewLabels } from './overview-labels';

export interface CountRow {
  dimension: string;
  /** null for the total, which is no value of a dimension. */
  value: string | null;
  count: number;
}

/**
 * The overview's counts as rows people read: "Fase og princip | Fase 1 – Kendskab, ejerskab
 * og engagement × Inddragelse og samskabelse | 4", never a wire key like "1:1" or "none".
 * Closed lists (phase × principle, track, status, contributor type) show every value in the
 * board's order, zeros included, so the sheet keeps its shape whatever the filters; beacons,
 * which are names per board, show those that occur, alphabetically, then ideas without one.
 */
export function countRows(counts: OverviewCounts, l: OverviewLabels): CountRow[] {
  const base = l.base;
  const rows: CountRow[] = [{ dimension: base.report.total, value: null, count: counts.total }];
  const add = (dimension: string, value: string, count: number | undefined) => rows.push({ dimension, value, count: count ?? 0 });

  for (const phase of [...PHASES, null]) {
    for (const principle of [...PRINCIPLES, null]) {
      const key = `${phase ?? 'none'}:${principle ?? 'none'}`;
      add(base.sheets.phasePrinciple, `${phaseLabel(base, phase)} × ${principleLabel(base, principle)}`, counts.phasePrinciple[key]);
    }
  }
  for (const track of TRACKS) add(base.columns.track, base.track[track], counts.track[track]);
  add(base.columns.track, base.none.track, counts.track.none);
  for (const status of IDEA_STATUSES) add(base.columns.status, base.status[status], counts.status[status]);
  for (const type of CONTRIBUTOR_TYPES) add(base.columns.contributorType, base.contributorType[type], counts.contributorType[type]);
  add(base.columns.contributorType, base.none.contributorType, counts.contributorType.none);
  const beacons = Object.keys(counts.beacon)
    .filter((name) => name !== 'none')
    .sort((a, b) => a.localeCompare(b, base.languageTag));
  for (const name of beacons) add(base.columns.beacons, name, counts.beacon[name]);
  add(base.columns.beacons, base.none.beacon, counts.beacon.none);
  return rows;
}
