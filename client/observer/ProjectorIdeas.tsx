import { useRef, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { Idea } from '../../shared';
import { ProjectorNote } from './ProjectorNote';
import { useWallDensity } from './useWallDensity';
import { useWallPaging } from './useWallPaging';
import { inRows } from './wall-density';
import type { WallBlock, WallPlace } from './wall-blocks';

interface Props {
  blocks: WallBlock[];
  /** The ideas the blocks' members are read from (the live ones, or those frozen by a pause). */
  ideas: ReadonlyMap<string, Idea>;
  /** Ideas left off the wall for room (capBlocks); said in words, never silently dropped. */
  notShown: number;
  totals: Readonly<Record<string, number>>;
  /** Vote totals are revealed and belong to this round. */
  votesShown: boolean;
  paused: boolean;
  emptyText: string;
}

/**
 * The wall: while few ideas are shown, big notes in rows across the wall, small groups side
 * by side; as more arrive, it steps to smaller ones (useWallDensity), and then blocks
 * (clusters or groups) flow into columns that fill the screen's height, more and narrower
 * columns at each step; what does not fit the densest continues on the next page, turned
 * calmly or by a clicker (useWallPaging). The results with totals shown are one block, the
 * ranking: an ordered list, most votes first, read across the rows of the sparse steps and
 * down the columns (then the next column, the next page) of the dense ones.
 */
export function ProjectorIdeas({ blocks, ideas, notShown, totals, votesShown, paused, emptyText }: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const shown = blocks.reduce((n, b) => n + b.ideas.length, 0);
  const content = `${blocks.map((b) => b.key).join(' ')}:${shown}`;
  const { density, tracks } = useWallDensity(ref, shown, content);
  const { page, pages } = useWallPaging(ref, paused, `${density}:${content}`);
  if (shown === 0) return <p className="projector__empty">{emptyText}</p>;
  return (
    <>
      {/* data-density names the layout (rows large or medium, or dense columns); data-step the
          exact step, which sets the columns' width and the text size (wall.css). */}
      <div className="wall__columns" ref={ref} data-pages={pages} data-density={inRows(density) ? density : 'dense'} data-step={density}>
        {blocks.map((block) => (
          <section
            key={block.key}
            className="wall__block"
            aria-label={block.heading ?? undefined}
            data-cluster={block.kind === 'cluster' ? block.key : undefined}
            data-loose={block.kind === 'loose' ? '' : undefined}
            data-ranking={block.kind === 'ranking' ? '' : undefined}
            // In rows (the sparser steps): as many note columns as the block has notes, the row at most.
            style={{ '--span': Math.max(1, Math.min(block.ideas.length, tracks)) } as CSSProperties}
          >
            {block.heading !== null ? (
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
                {block.ideas.map((member) => {
                  // Memoised on the idea object: a text edit re-renders only its own note.
                  const idea = ideas.get(member.id);
                  return idea ? (
                    <li key={member.id} className="wall__item">
                      <ProjectorNote idea={idea} total={votesShown ? (totals[member.id] ?? 0) : null} />
                    </li>
                  ) : null;
                })}
              </ul>
            )}
          </section>
        ))}
      </div>
      <div className="wall__foot">
        {notShown > 0 ? (
          <p className="wall__more" data-not-shown={notShown}>
            {t(blocks[0]?.kind === 'ranking' ? 'wall.notOnWallRanked' : 'wall.notOnWall', { count: notShown })}
          </p>
        ) : null}
        {pages > 1 ? (
          <p className="wall__page" data-page={page}>
            {t('wall.page', { page, pages })}
          </p>
        ) : null}
      </div>
    </>
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
          <li key={member.id} className="wall__item" data-rank={place.rank}>
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
