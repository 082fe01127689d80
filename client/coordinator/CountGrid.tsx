import { useTranslation } from 'react-i18next';
import { CONTRIBUTOR_TYPES, IDEA_STATUSES, TRACKS, type OverviewCounts } from '../../shared';
import { CountTable, type CountRow } from './CountTable';
import { beaconLabel, contributorLabel, statusLabel, trackLabel } from './labels';
import { NONE, filterValueOf, type OverviewFilters } from './overview-filters';
import { PhasePrincipleMatrix } from './PhasePrincipleMatrix';

interface Props {
  counts: OverviewCounts;
  /** Beacon names to list (the installation's and any a board uses). */
  beacons: readonly string[];
  onDrill: (patch: Partial<OverviewFilters>) => void;
}

function rows(keys: readonly string[], counts: Record<string, number>, label: (value: string) => string): CountRow[] {
  return [...keys, 'none'].map((key) => {
    const value = filterValueOf(key);
    return { value, label: label(value), count: counts[key] ?? 0 };
  });
}

/** The counts the committee reads: phase × principle, then track, status, contributor type and beacon. */
export function CountGrid({ counts, beacons, onDrill }: Props) {
  const { t } = useTranslation();
  const statusRows = IDEA_STATUSES.map((status) => ({ value: status, label: statusLabel(t, status), count: counts.status[status] ?? 0 }));
  const beaconRows = [
    ...beacons.map((name) => ({ value: name, label: name, count: counts.beacon[name] ?? 0 })),
    { value: NONE, label: beaconLabel(t, NONE), count: counts.beacon.none ?? 0 },
  ];
  return (
    <div className="coord-grid">
      <PhasePrincipleMatrix
        counts={counts}
        onDrill={(phase, principle) => onDrill({ ...(phase ? { phase } : {}), ...(principle ? { principle } : {}) })}
      />
      <CountTable heading={t('coordinator.overview.statusHeading')} rows={statusRows} onDrill={(status) => onDrill({ status })} />
      <CountTable
        heading={t('coordinator.overview.trackHeading')}
        rows={rows(TRACKS, counts.track, (v) => trackLabel(t, v))}
        onDrill={(track) => onDrill({ track })}
      />
      <CountTable
        heading={t('coordinator.overview.contributorHeading')}
        rows={rows(CONTRIBUTOR_TYPES, counts.contributorType, (v) => contributorLabel(t, v))}
        onDrill={(contributorType) => onDrill({ contributorType })}
      />
      <CountTable
        heading={t('coordinator.overview.beaconHeading')}
        rows={beaconRows}
        onDrill={(beacon) => onDrill({ beacon })}
        note={t('coordinator.overview.beaconNote')}
      />
    </div>
  );
}
