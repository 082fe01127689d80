import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { OverviewBoard } from '../../shared';
import { boardTitle, contributorLabel, filterName, phaseLabel, principleLabel, statusLabel, trackLabel } from './labels';
import { FILTER_VALUES, NONE, NO_FILTERS, activeFilterCount, type FilterKey, type OverviewFilters } from './overview-filters';

interface Props {
  filters: OverviewFilters;
  onChange: (filters: OverviewFilters) => void;
  boards: readonly OverviewBoard[];
  beacons: readonly string[];
}

interface Option {
  value: string;
  label: string;
}

/** One select per filter; each change asks the server again. */
export function FiltersForm({ filters, onChange, boards, beacons }: Props) {
  const { t } = useTranslation();
  const ids = useId();
  const active = activeFilterCount(filters);

  const options: Record<FilterKey, Option[]> = {
    boardId: boards.map((b) => ({ value: b.boardId, label: boardTitle(t, boards, b.boardId) })),
    phase: [...FILTER_VALUES.phase.map((v) => ({ value: v, label: phaseLabel(t, v) })), { value: NONE, label: phaseLabel(t, NONE) }],
    principle: [
      ...FILTER_VALUES.principle.map((v) => ({ value: v, label: principleLabel(t, v) })),
      { value: NONE, label: principleLabel(t, NONE) },
    ],
    track: [...FILTER_VALUES.track.map((v) => ({ value: v, label: trackLabel(t, v) })), { value: NONE, label: trackLabel(t, NONE) }],
    status: FILTER_VALUES.status.map((v) => ({ value: v, label: statusLabel(t, v) })),
    contributorType: [
      ...FILTER_VALUES.contributorType.map((v) => ({ value: v, label: contributorLabel(t, v) })),
      { value: NONE, label: contributorLabel(t, NONE) },
    ],
    beacon: [...beacons.map((name) => ({ value: name, label: name })), { value: NONE, label: t('coordinator.overview.noBeacon') }],
  };
  // A filter chosen by drilling down keeps its option even if no answer lists it any more.
  for (const key of Object.keys(options) as FilterKey[]) {
    const value = filters[key];
    if (value !== '' && !options[key].some((o) => o.value === value)) options[key].push({ value, label: value });
  }

  return (
    <section className="coord-filters" aria-labelledby={`${ids}-heading`}>
      <div className="coord-filters__head">
        <h3 id={`${ids}-heading`}>{t('coordinator.filters.heading')}</h3>
        <p className="hint" aria-live="polite">
          {active > 0 ? t('coordinator.filters.active', { count: active }) : t('coordinator.filters.none')}
        </p>
      </div>
      <p className="hint">{t('coordinator.filters.help')}</p>
      <div className="coord-filters__grid">
        {(Object.keys(options) as FilterKey[]).map((key) => (
          <div className="field" key={key}>
            <label htmlFor={`${ids}-${key}`}>{filterName(t, key)}</label>
            <select
              id={`${ids}-${key}`}
              name={key}
              value={filters[key]}
              onChange={(e) => onChange({ ...filters, [key]: e.target.value })}
              data-active={filters[key] !== '' || undefined}
            >
              <option value="">{t(`coordinator.filters.all.${key}`)}</option>
              {options[key].map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
        ))}
      </div>
      {active > 0 ? (
        <button
          type="button"
          className="button button--small"
          onClick={() => {
            onChange(NO_FILTERS);
            // The button goes away with the filters; focus stays in the form.
            document.getElementById(`${ids}-boardId`)?.focus();
          }}
        >
          {t('coordinator.filters.clear')}
        </button>
      ) : null}
    </section>
  );
}
