import type { CSSProperties } from 'react';
import { useT } from '../i18n/useT';
import type { Idea } from '../../shared';
import { ProjectorNote } from './ProjectorNote';
import type { WallBlock, WallPlace } from './wall-blocks';

interface Props {
  block: WallBlock;
  /** The block's notes shown here, [from, to): all of them, or a packed column's share. */
  from?: number;
  to?: number;
  /** The block began in an earlier column: its heading is repeated, smaller, "(fortsat)". */
  continued?: boolean;
  ideas: ReadonlyMap<string, Idea>;
  totals: Readonly<Record<string, number>>;
  votesShown: boolean;
  /** In rows: the note columns the block spans. */
  span?: number;
}

/**
 * A block on the wall (a cluster, a group, the loose ideas or the ranking), or the part of one
 * a packed column holds. A continued part repeats the block's name, so a column never starts
 * with notes nobody can place; it is not a heading of its own (the block has one, once).
 */
export function WallPiece({ block, from = 0, to = block.ideas.length, continued = false, ideas, totals, votesShown, span }: Props) {
  const t = useT();
  const continuedName = block.heading !== null && continued ? `${block.heading} ${t('wall.continued')}` : null;
  return (
    <section
      className={`wall__block${continued ? ' wall__block--continued' : ''}`}
      aria-label={continuedName ?? block.heading ?? undefined}
      data-block={block.key}
      data-continued={continued ? '' : undefined}
      data-cluster={block.kind === 'cluster' ? block.key : undefined}
      data-loose={block.kind === 'loose' ? '' : undefined}
      data-ranking={block.kind === 'ranking' ? '' : undefined}
      style={span === undefined ? undefined : ({ '--span': span } as CSSProperties)}
    >
      {continuedName !== null ? (
        <p className="wall__heading wall__heading--continued">
          <span className="cluster__name">{block.heading}</span> <span className="wall__continued">{t('wall.continued')}</span>
        </p>
      ) : block.heading !== null ? (
        <h3 className="wall__heading">
          <span className="cluster__name">{block.heading}</span>{' '}
          <span className="cluster__count">
            {t('groups.count', { count: block.count })}
            {block.votes !== null ? ` · ${t('voting.total', { count: block.votes })}` : ''}
          </span>
        </h3>
      ) : null}
      {block.places ? (
        <RankedList block={block} places={block.places} ideas={ideas} votesShown={votesShown} />
      ) : (
        <ul className="wall__list">
          {block.ideas.slice(from, to).map((member) => {
            // Memoised on the idea object: a text edit re-renders only its own note.
            const idea = ideas.get(member.id);
            return idea ? (
              <li key={member.id} className="wall__item" data-id={member.id}>
                <ProjectorNote idea={idea} total={votesShown ? (totals[member.id] ?? 0) : null} />
              </li>
            ) : null;
          })}
        </ul>
      )}
    </section>
  );
}

/** The ranking's notes, most votes first: an ordered list whose items say their rank. */
function RankedList({ block, places, ideas, votesShown }: { block: WallBlock; places: readonly WallPlace[]; ideas: ReadonlyMap<string, Idea>; votesShown: boolean }) {
  return (
    <ol className="wall__list wall__list--ranked">
      {block.ideas.map((member, i) => {
        const idea = ideas.get(member.id);
        const place = places[i];
        return idea && place ? (
          <li key={member.id} className="wall__item" data-id={member.id} data-rank={place.rank}>
            <ProjectorNote
              idea={idea}
              total={votesShown ? place.votes : null}
              rank={place.rank}
              shared={place.shared}
              cluster={place.cluster}
            />
          </li>
        ) : null;
      })}
    </ol>
  );
}
