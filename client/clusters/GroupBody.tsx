import { useId, type ReactNode } from 'react';
import { useT } from '../i18n/useT';
import type { Idea } from '../../shared';
import type { ClusterBlock, GroupLayout } from './clusters';
import { NoteList } from './NoteList';

interface Props<T extends Pick<Idea, 'id' | 'clusterId'>> {
  layout: GroupLayout<T>;
  /** One note, wrapped in its <li>. */
  renderIdea: (idea: T) => ReactNode;
  results: boolean;
  /** The cluster a dragged note is over, highlighted as the drop target. */
  dropCluster?: string | null;
  /** What an empty cluster says (the board invites dropping; the projector just says it is empty). */
  emptyText?: string;
  /** Whether vote totals are revealed: a cluster's total is shown only then, never a "0" standing in for a secret. */
  revealed: boolean;
  /** A heading for the ideas in no cluster, shown when there are clusters; none: they simply follow. */
  looseHeading?: string;
}

interface SectionProps<T extends Pick<Idea, 'id' | 'clusterId'>> {
  block: ClusterBlock<T>;
  renderIdea: (idea: T) => ReactNode;
  results: boolean;
  revealed: boolean;
  active: boolean;
  emptyText: string | undefined;
}

function ClusterSection<T extends Pick<Idea, 'id' | 'clusterId'>>({ block, renderIdea, results, revealed, active, emptyText }: SectionProps<T>) {
  const t = useT();
  const ids = useId();
  const count = block.ideas.length;
  return (
    <section className={`cluster${active ? ' cluster--drop' : ''}`} aria-labelledby={`${ids}-name`} data-cluster={block.cluster.id}>
      <h4 className="cluster__heading">
        <span id={`${ids}-name`} className="cluster__name">
          {block.cluster.name}
        </span>{' '}
        <span className="cluster__count">
          {t('groups.count', { count })}
          {results && revealed ? ` · ${t('voting.total', { count: block.votes })}` : ''}
        </span>
      </h4>
      {count > 0 ? (
        <NoteList ideas={block.ideas} renderIdea={renderIdea} />
      ) : (
        <p className="cluster__empty">{emptyText ?? t('clusters.emptyHint')}</p>
      )}
    </section>
  );
}

/**
 * A group's ideas: first its named clusters as labelled sub-groups (each a drop target),
 * then the ideas in no cluster. Null when there is nothing at all, so the group says so.
 */
export function GroupBody<T extends Pick<Idea, 'id' | 'clusterId'>>({ layout, renderIdea, results, revealed, dropCluster = null, emptyText, looseHeading }: Props<T>) {
  const t = useT();
  const ids = useId();
  if (layout.blocks.length === 0 && layout.loose.length === 0) return null;
  const named = looseHeading !== undefined && layout.blocks.length > 0 && layout.loose.length > 0;
  return (
    <>
      {layout.blocks.map((block) => (
        <ClusterSection
          key={block.cluster.id}
          block={block}
          renderIdea={renderIdea}
          results={results}
          revealed={revealed}
          active={dropCluster === block.cluster.id}
          emptyText={emptyText}
        />
      ))}
      {named ? (
        <section className="cluster-loose" aria-labelledby={`${ids}-loose`} data-loose="">
          <h4 className="cluster__heading">
            <span id={`${ids}-loose`} className="cluster__name">
              {looseHeading}
            </span>{' '}
            <span className="cluster__count">{t('groups.count', { count: layout.loose.length })}</span>
          </h4>
          <NoteList ideas={layout.loose} renderIdea={renderIdea} />
        </section>
      ) : layout.loose.length > 0 ? (
        <NoteList ideas={layout.loose} renderIdea={renderIdea} />
      ) : null}
    </>
  );
}
