import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Overview, OverviewBoard, OverviewCounts, OverviewIdea } from '../../shared';
import { currentLocale } from '../i18n';
import { errorText } from '../i18n/errors';
import { BoardsTable } from './BoardsTable';
import { CountGrid } from './CountGrid';
import { FiltersForm } from './FiltersForm';
import { IdeaList } from './IdeaList';
import { describeFilters } from './labels';
import { NO_FILTERS, type OverviewFilters } from './overview-filters';
import { formatCopenhagen } from './time';

interface Props {
  overview: Overview | null;
  counts: OverviewCounts | null;
  ideas: readonly OverviewIdea[];
  loading: boolean;
  offline: boolean;
  errorCode: string | null;
  onReload: () => void;
  filters: OverviewFilters;
  onFilters: (filters: OverviewFilters) => void;
  /** Every board seen so far, for the board filter. */
  allBoards: readonly OverviewBoard[];
  beacons: readonly string[];
  /** Resets the list's paging whenever the filters change. */
  listKey: string;
}

/** Counts across all boards, the filters over them, the boards, and the ideas behind a count. */
export function OverviewSection(props: Props) {
  const { overview, counts, ideas, loading, offline, errorCode, onReload, filters, onFilters, allBoards, beacons, listKey } = props;
  const { t } = useTranslation();
  const locale = currentLocale();
  const ideasHeading = useRef<HTMLHeadingElement>(null);

  const drill = (patch: Partial<OverviewFilters>) => {
    onFilters({ ...filters, ...patch });
    // Land on the list: the keyboard and the screen reader follow the click.
    ideasHeading.current?.focus();
  };

  return (
    <>
      <div className="coord-status-line">
        <p className="coord-summary" aria-live="polite">
          {counts && overview
            ? t('coordinator.overview.summary', {
                ideas: t('coordinator.overview.ideas', { count: counts.total }),
                boards: t('coordinator.overview.boards', { count: overview.boards.length }),
              })
            : loading
              ? t('coordinator.overview.loading')
              : ''}
        </p>
        {overview ? <p className="hint">{t('coordinator.overview.updated', { time: formatCopenhagen(overview.generatedAt, locale) })}</p> : null}
        <button type="button" className="button button--small" onClick={onReload} aria-disabled={loading || undefined}>
          {t('coordinator.overview.refresh')}
        </button>
      </div>
      {offline ? (
        <div className="alert" role="alert">
          <p>{overview ? t('coordinator.overview.stale') : t('coordinator.gate.offlineBody')}</p>
        </div>
      ) : null}
      {errorCode ? (
        <div className="alert" role="alert">
          <p>{t('coordinator.overview.failed', { reason: errorText(t, errorCode) })}</p>
        </div>
      ) : null}
      <FiltersForm filters={filters} onChange={onFilters} boards={allBoards} beacons={beacons} />
      {counts && overview ? (
        <div className="coord-results" aria-busy={loading}>
          <CountGrid counts={counts} beacons={beacons} onDrill={drill} />
          <BoardsTable boards={overview.boards} onDrill={(boardId) => drill({ boardId })} />
        </div>
      ) : null}
      {overview ? (
        <IdeaList
          listKey={listKey}
          ideas={ideas}
          busy={loading}
          headingRef={ideasHeading}
          filters={describeFilters(t, filters, allBoards)}
          onClearFilters={() => onFilters(NO_FILTERS)}
        />
      ) : null}
    </>
  );
}
