import { useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { OverviewIdea } from '../../shared';
import { currentLocale } from '../i18n';
import { contributorLabel, phaseShortLabel, principleShortLabel, trackLabel } from './labels';
import { StatusBadge } from './StatusBadge';
import { formatCopenhagen } from './time';

const PAGE = 25;

/** The ideas behind the counts, newest first, a page at a time. */
interface Props {
  ideas: readonly OverviewIdea[];
  busy: boolean;
  /** Paging starts over when this changes (another filter, another list). */
  listKey: string;
  /** The filters in force, described ("Status: Udvalgt"), so a drill-down says what it shows. */
  filters: readonly string[];
  onClearFilters: () => void;
  /** Drilling down moves focus here, so keyboard and screen reader users land on the result. */
  headingRef: RefObject<HTMLHeadingElement | null>;
}

export function IdeaList({ ideas, busy, headingRef, listKey, filters, onClearFilters }: Props) {
  const { t } = useTranslation();
  // Not a remount per list: the heading must stay the element that drilling down focused.
  const [paging, setPaging] = useState({ listKey, shown: PAGE });
  const shown = paging.listKey === listKey ? paging.shown : PAGE;
  const newestFirst = [...ideas].reverse();
  const visible = newestFirst.slice(0, shown);
  return (
    <section className="coord-ideas" aria-labelledby="coord-ideas-heading" aria-busy={busy}>
      <h3 id="coord-ideas-heading" ref={headingRef} tabIndex={-1}>
        {t('coordinator.ideas.heading')}
      </h3>
      <p className="coord-ideas__summary" aria-live="polite">
        {ideas.length === 0 ? t('coordinator.ideas.empty') : t('coordinator.ideas.summary', { count: ideas.length })}
      </p>
      {filters.length > 0 ? (
        <div className="coord-ideas__filters">
          <ul aria-label={t('coordinator.filters.heading')}>
            {filters.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              onClearFilters();
              headingRef.current?.focus();
            }}
          >
            {t('coordinator.filters.clear')}
          </button>
        </div>
      ) : null}
      {visible.length > 0 ? (
        <ul className="coord-ideas__list">
          {visible.map((idea) => (
            <IdeaItem key={`${idea.boardId}/${idea.id}`} idea={idea} />
          ))}
        </ul>
      ) : null}
      {ideas.length > visible.length ? (
        <div className="coord-ideas__more">
          <p className="hint">{t('coordinator.ideas.showing', { shown: visible.length, count: ideas.length })}</p>
          <button type="button" className="button button--small" onClick={() => {
              setPaging({ listKey, shown: shown + PAGE });
              // The button may go away: continue reading at the first idea just shown.
              requestAnimationFrame(() => document.querySelectorAll<HTMLElement>('.coord-idea')[shown]?.focus());
            }}>
            {t('coordinator.ideas.showMore')}
          </button>
        </div>
      ) : null}
    </section>
  );
}

function IdeaItem({ idea }: { idea: OverviewIdea }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const placement = [
    idea.phase !== null ? phaseShortLabel(t, String(idea.phase)) : null,
    idea.principle !== null ? principleShortLabel(t, String(idea.principle)) : null,
    idea.track !== null ? trackLabel(t, idea.track) : null,
  ].filter((part): part is string => part !== null);
  const contributor = [
    idea.contributorType ? contributorLabel(t, idea.contributorType) : null,
    idea.organisation,
    idea.authorName ?? t('coordinator.ideas.anonymous'),
  ].filter((part): part is string => !!part);
  return (
    <li className="coord-idea" data-idea={idea.id} tabIndex={-1}>
      <p className="coord-idea__text">{idea.text}</p>
      <dl className="coord-idea__meta">
        <div>
          <dt>{t('coordinator.ideas.board')}</dt>
          <dd>{idea.boardTitle || t('coordinator.overview.untitled')}</dd>
        </div>
        <div>
          <dt>{t('coordinator.ideas.status')}</dt>
          <dd>
            <StatusBadge status={idea.status} />
            {idea.statusChangedAt !== null ? (
              <span className="coord-idea__when"> {formatCopenhagen(idea.statusChangedAt, locale, 'short')}</span>
            ) : null}
          </dd>
        </div>
        {idea.statusRationale ? (
          <div className="coord-idea__wide">
            <dt>{t('coordinator.ideas.rationale')}</dt>
            <dd>{idea.statusRationale}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('coordinator.ideas.placement')}</dt>
          <dd>{placement.length > 0 ? placement.join(' · ') : t('coordinator.ideas.notPlaced')}</dd>
        </div>
        <div>
          <dt>{t('coordinator.ideas.beacons')}</dt>
          <dd>{idea.beaconNames.length > 0 ? idea.beaconNames.join(', ') : t('coordinator.ideas.none')}</dd>
        </div>
        <div>
          <dt>{t('coordinator.ideas.initiatives')}</dt>
          <dd>{idea.initiatives.length > 0 ? idea.initiatives.join(', ') : t('coordinator.ideas.none')}</dd>
        </div>
        <div>
          <dt>{t('coordinator.ideas.contributor')}</dt>
          <dd>{contributor.join(' · ')}</dd>
        </div>
        <div>
          <dt>{t('coordinator.ideas.created')}</dt>
          <dd>
            <time dateTime={new Date(idea.createdAt).toISOString()}>{formatCopenhagen(idea.createdAt, locale)}</time>
          </dd>
        </div>
      </dl>
    </li>
  );
}
