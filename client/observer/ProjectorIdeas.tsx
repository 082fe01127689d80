import { useRef, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { Idea } from '../../shared';
import { useMediaQuery } from '../ui/useMediaQuery';
import { useArrivals } from './useArrivals';
import { useWallDensity, type PackAt } from './useWallDensity';
import { useWallPacking } from './useWallPacking';
import { useWallPaging } from './useWallPaging';
import { inRows } from './wall-density';
import type { WallBlock } from './wall-blocks';
import type { Piece } from './wall-pack';
import { WallPiece } from './WallPiece';

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

/** Where the wall is a page of its own (wall.css); narrower, it scrolls. */
const WIDE = '(min-width: 56rem)';

/**
 * The wall: while few ideas are shown, big notes in rows across the wall, small groups side
 * by side; as more arrive, it steps to smaller ones (useWallDensity), and then blocks
 * (clusters or groups) stand in columns that fill the screen's height, more and narrower
 * columns at each step; what does not fit the densest continues on the next page, turned
 * calmly or by a clicker (useWallPaging). Blocks with headings are packed into their columns
 * (useWallPacking): each stands whole in one where it fits, and where one goes on in the next
 * column its name goes with it, so no column starts with notes the room cannot place. A wall
 * of clusters is packed from its first idea: its clusters stand side by side across the wall,
 * in the largest type that fits. The results with totals shown are one block, the ranking: an
 * ordered list, most votes first, read across the rows of the sparse steps and down the
 * columns (then the next column, the next page) of the dense ones.
 */
export function ProjectorIdeas({ blocks, ideas, notShown, totals, votesShown, paused, emptyText }: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const shown = blocks.reduce((n, b) => n + b.ideas.length, 0);
  const content = `${blocks.map((b) => `${b.key}:${b.ideas.length}`).join(' ')}`;
  // A narrow screen's wall scrolls in balanced CSS columns (wall.css): nothing to pack into a page there.
  const wide = useMediaQuery(WIDE);
  const { density, tracks, packed, report } = useWallDensity(ref, shown, content, wide ? packAt(blocks) : 'none');
  const { packing } = useWallPacking(ref, blocks, packed, density, report);
  // The packed columns change with measured heights, not only with the content: paging reads them.
  const { page, pages } = useWallPaging(ref, paused, `${density}:${content}:${packing ? `${packing.columns.length}/${packing.per}` : ''}`);
  useArrivals(ref);
  if (shown === 0) return <p className="projector__empty">{emptyText}</p>;
  const piece = { ideas, totals, votesShown };
  return (
    <>
      {/* data-density names the layout (rows large or medium, or dense columns; packed: the
          blocks in columns of their own, wall-pack.ts); data-step the exact step, which sets
          the columns' width and the text size (wall.css, screen.css). */}
      <div
        className="wall__columns"
        ref={ref}
        data-pages={pages}
        data-density={packing ? 'packed' : inRows(density) ? density : 'dense'}
        data-step={density}
        style={packing ? ({ '--per': packing.per } as CSSProperties) : undefined}
      >
        {packing
          ? packing.columns.map((column) => {
              const first = column[0] as Piece;
              // Keyed by what it starts with: a column that moves whole keeps its notes mounted.
              return (
                <div key={`${(blocks[first.block] as WallBlock).key}:${first.from}`} className="wall__column">
                  {column.map((p) => {
                    const block = blocks[p.block] as WallBlock;
                    return <WallPiece key={`${block.key}:${p.from}`} block={block} from={p.from} to={p.to} continued={p.continued} {...piece} />;
                  })}
                </div>
              );
            })
          : blocks.map((block) => (
              // In rows (the sparser steps): as many note columns as the block has notes, the row at most.
              <WallPiece key={block.key} block={block} span={Math.max(1, Math.min(block.ideas.length, tracks))} {...piece} />
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

/**
 * Clusters stand in columns of their own from the first idea (packed: each keeps its
 * heading); groups in rows while few, packed once in columns; one block without a heading,
 * or the ranking, flows in CSS, where a column may end anywhere.
 */
function packAt(blocks: readonly WallBlock[]): PackAt {
  const headed = blocks.filter((b) => b.heading !== null).length;
  if (headed === 0) return 'none';
  return headed >= 2 && blocks.some((b) => b.kind === 'cluster') ? 'all' : 'columns';
}
