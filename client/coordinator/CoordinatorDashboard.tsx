import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Layout } from '../app/Layout';
import { currentLocale } from '../i18n';
import { errorText } from '../i18n/errors';
import { BeaconsEditor } from './BeaconsEditor';
import { ChangesSection } from './ChangesSection';
import { reportText } from './change-report';
import { describeFilters } from './labels';
import { OverviewSection } from './OverviewSection';
import {
  NO_FILTERS,
  beaconNames,
  countIdeas,
  hasLocalRefinement,
  overviewQuery,
  refineIdeas,
  type OverviewFilters,
} from './overview-filters';
import { ReportExport } from './ReportExport';
import { RotateLink } from './RotateLink';
import { loadSinceDate, saveSinceDate } from './session';
import { daysBefore, sinceOf } from './time';
import { useInstallationBeacons } from './useInstallationBeacons';
import { ThemesSection } from './ThemesSection';
import type { OverviewThemesResponse } from '../../shared';
import { useOverview } from './useOverview';

interface Props {
  sessionToken: string;
  onExpired: () => void;
  onSignOut: () => void;
}

/** A status report usually covers the last month; the last date chosen is remembered instead. */
const DEFAULT_PERIOD_DAYS = 30;

/** The coordinator's page once signed in: overview, status report, beacons, link. */
export function CoordinatorDashboard({ sessionToken, onExpired, onSignOut }: Props) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [now] = useState(() => Date.now());
  const [filters, setFilters] = useState<OverviewFilters>(NO_FILTERS);
  const [sinceDate, setSinceDate] = useState(() => loadSinceDate() ?? daysBefore(now, DEFAULT_PERIOD_DAYS));
  const since = sinceOf(sinceDate);
  const query = overviewQuery(filters, { since });
  const load = useOverview(sessionToken, query, onExpired);
  const { overview } = load;
  const installation = useInstallationBeacons();
  const [themes, setThemes] = useState<OverviewThemesResponse | null>(null);

  const ideas = useMemo(() => (overview ? refineIdeas(overview.ideas, filters) : []), [overview, filters]);
  const counts = useMemo(
    () => (overview ? (hasLocalRefinement(filters) ? countIdeas(ideas) : overview.counts) : null),
    [overview, filters, ideas],
  );
  const installationNames = installation.load.kind === 'ready' ? installation.load.beacons.map((b) => b.name) : [];
  const beacons = beaconNames(installationNames, load.seen.beacons);

  const report = useMemo(() => {
    if (!overview || !counts || since === null || !overview.changes) return null;
    return reportText(t, locale, {
      since,
      generatedAt: overview.generatedAt,
      boards: overview.boards,
      counts,
      changes: overview.changes,
      filters: describeFilters(t, filters, load.seen.boards),
      themes: themes?.themes ?? null,
    });
  }, [overview, counts, since, t, locale, filters, load.seen.boards, themes]);

  const chooseSince = (date: string) => {
    setSinceDate(date);
    if (sinceOf(date) !== null) saveSinceDate(date);
  };

  const otherFilters = Object.entries(filters).some(([key, value]) => key !== 'boardId' && value !== '');

  return (
    <Layout
      className="coordinator-page"
      header={
        <button type="button" className="button button--small" onClick={onSignOut} title={t('coordinator.signOutHelp')}>
          {t('coordinator.signOut')}
        </button>
      }
    >
      <h1>{t('coordinator.title')}</h1>
      <p className="lead">{t('coordinator.lead')}</p>
      <nav className="coord-nav" aria-label={t('coordinator.nav.label')}>
        <ul>
          <li>
            <a href="#overview">{t('coordinator.nav.overview')}</a>
          </li>
          <li>
            <a href="#themes">{t('sense.overview.nav')}</a>
          </li>
          <li>
            <a href="#changes">{t('coordinator.nav.changes')}</a>
          </li>
          <li>
            <a href="#beacons">{t('coordinator.nav.beacons')}</a>
          </li>
          <li>
            <a href="#link">{t('coordinator.nav.link')}</a>
          </li>
        </ul>
      </nav>

      <section id="overview" className="coord-section" aria-labelledby="overview-heading" tabIndex={-1}>
        <h2 id="overview-heading">{t('coordinator.overview.heading')}</h2>
        <OverviewSection
          overview={overview}
          counts={counts}
          ideas={ideas}
          loading={load.loading}
          offline={load.offline}
          errorCode={load.errorCode}
          onReload={load.reload}
          filters={filters}
          onFilters={setFilters}
          allBoards={load.seen.boards}
          beacons={beacons}
          listKey={query}
        />
      </section>

      <section id="themes" className="coord-section" aria-labelledby="themes-heading" tabIndex={-1}>
        <h2 id="themes-heading">{t('sense.overview.heading')}</h2>
        <p className="hint coord-section__help">{t('sense.overview.help')}</p>
        <ThemesSection sessionToken={sessionToken} boardId={filters.boardId || null} onExpired={onExpired} onThemes={setThemes} />
      </section>

      <section id="changes" className="coord-section" aria-labelledby="changes-heading" tabIndex={-1}>
        <h2 id="changes-heading">{t('coordinator.changes.heading')}</h2>
        <p className="hint coord-section__help">{t('coordinator.changes.help')}</p>
        <ChangesSection
          sinceDate={sinceDate}
          since={since}
          onSinceDate={chooseSince}
          changes={overview?.changes ?? null}
          otherFilters={otherFilters}
          now={now}
        />
        <ReportExport text={report} filters={filters} sessionToken={sessionToken} onExpired={onExpired} />
      </section>

      <section id="beacons" className="coord-section" aria-labelledby="beacons-heading" tabIndex={-1}>
        <h2 id="beacons-heading">{t('coordinator.beacons.heading')}</h2>
        <p className="coord-section__help">{t('coordinator.beacons.help')}</p>
        {installation.load.kind === 'ready' ? (
          <BeaconsEditor saved={installation.load.beacons} onSaved={installation.replace} sessionToken={sessionToken} onExpired={onExpired} />
        ) : installation.load.kind === 'loading' ? (
          <p className="loading">{t('coordinator.beacons.loading')}</p>
        ) : (
          <div className="alert" role="alert">
            <p>
              {t('coordinator.beacons.loadFailed', {
                reason: installation.load.offline ? t('errors.offline') : errorText(t, installation.load.code),
              })}
            </p>
            <button type="button" className="button button--small" onClick={installation.reload}>
              {t('coordinator.gate.retry')}
            </button>
          </div>
        )}
      </section>

      <section id="link" className="coord-section" aria-labelledby="link-heading" tabIndex={-1}>
        <h2 id="link-heading">{t('coordinator.rotate.heading')}</h2>
        <p className="coord-section__help">{t('coordinator.rotate.help')}</p>
        <RotateLink sessionToken={sessionToken} onExpired={onExpired} />
      </section>
    </Layout>
  );
}
