import type { TFunction } from 'i18next';
import {
  contributorTypeSchema,
  ideaStatusSchema,
  trackSchema,
  type OverviewBoard,
} from '../../shared';
import { FILTER_KEYS, NONE, type FilterKey, type OverviewFilters } from './overview-filters';

/** Names of the coordinator's filters and of their values, shared by the page and the copied text. */

const asPhase = (value: string) => (value === '1' || value === '2' || value === '3' ? value : null);

export function boardTitle(t: TFunction, boards: readonly OverviewBoard[], boardId: string): string {
  const title = boards.find((b) => b.boardId === boardId)?.title;
  return title ? title : t('coordinator.overview.untitled');
}

export function filterName(t: TFunction, key: FilterKey): string {
  return key === 'boardId' ? t('coordinator.filters.board') : t(`coordinator.filters.${key}`);
}

export function phaseLabel(t: TFunction, value: string): string {
  const phase = asPhase(value);
  return phase ? t(`taxonomy.phase.${phase}`) : t('coordinator.overview.noPhase');
}

export function phaseShortLabel(t: TFunction, value: string): string {
  const phase = asPhase(value);
  return phase ? t(`taxonomy.phaseShort.${phase}`) : t('coordinator.overview.noPhase');
}

export function principleLabel(t: TFunction, value: string): string {
  const principle = asPhase(value);
  return principle ? t(`taxonomy.principle.${principle}`) : t('coordinator.overview.noPrinciple');
}

export function principleShortLabel(t: TFunction, value: string): string {
  const principle = asPhase(value);
  return principle ? t(`taxonomy.principleShort.${principle}`) : t('coordinator.overview.noPrinciple');
}

export function trackLabel(t: TFunction, value: string): string {
  const track = trackSchema.safeParse(value);
  return track.success ? t(`taxonomy.track.${track.data}`) : t('coordinator.overview.noTrack');
}

export function statusLabel(t: TFunction, value: string): string {
  const status = ideaStatusSchema.safeParse(value);
  return status.success ? t(`filter.ideaStatus.${status.data}`) : value;
}

export function contributorLabel(t: TFunction, value: string): string {
  const type = contributorTypeSchema.safeParse(value);
  return type.success ? t(`taxonomy.contributorType.${type.data}`) : t('coordinator.overview.noContributor');
}

export function beaconLabel(t: TFunction, value: string): string {
  return value === NONE || value === 'none' ? t('coordinator.overview.noBeacon') : value;
}

/** A filter's value as people read it ("Udvalgt", "Fase 1 – …", the board's title). */
export function filterValueLabel(t: TFunction, key: FilterKey, value: string, boards: readonly OverviewBoard[]): string {
  switch (key) {
    case 'boardId':
      return boardTitle(t, boards, value);
    case 'phase':
      return phaseLabel(t, value);
    case 'principle':
      return principleLabel(t, value);
    case 'track':
      return trackLabel(t, value);
    case 'status':
      return statusLabel(t, value);
    case 'contributorType':
      return contributorLabel(t, value);
    case 'beacon':
      return beaconLabel(t, value);
  }
}

/** "Status: Udvalgt" for each filter that is set. */
export function describeFilters(t: TFunction, filters: OverviewFilters, boards: readonly OverviewBoard[]): string[] {
  return FILTER_KEYS.filter((key) => filters[key] !== '').map(
    (key) => `${filterName(t, key)}: ${filterValueLabel(t, key, filters[key], boards)}`,
  );
}
