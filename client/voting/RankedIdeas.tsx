import { memo, useCallback } from 'react';
import { BoardNote } from '../board/note/BoardNote';
import { NoteList } from '../clusters/NoteList';
import { boardGroupingOf } from '../board/board-grouping';
import { indexGrouping } from '../board/grouping';
import { useBoardStore } from '../state/board-store';
import type { Member } from '../state/idea-index';
import { memberGroupKey, onPodium, type Ranked } from './ranking';
import { RankLabel } from './RankLabel';

/**
 * The results on phones and the facilitator's laptop, while the totals are shown: one
 * ordered list, most votes first, each note with its rank beside it and its cluster as a tag
 * (useRankedIdeas chooses and orders them). Long lists render a page at a time (NoteList).
 * A vote that changes the order moves the notes (keyed); only a note whose total changed
 * re-renders, and an item whose rank changed redraws its number, not its note.
 */
export function RankedIdeas({ entries }: { entries: readonly Ranked<Member>[] }) {
  const index = useBoardStore((s) => s.index);
  // The index's grouping under the board's (the ranking's notes start "Move to…" from there).
  const grouping = useBoardStore((s) => indexGrouping(boardGroupingOf(s)));
  const settings = useBoardStore((s) => s.settings);
  const renderIdea = useCallback(
    (entry: Ranked<Member>) => (
      <RankedItem
        key={entry.id}
        ideaId={entry.id}
        rank={entry.rank}
        shared={entry.shared}
        podium={onPodium(entry.rank, entry.votes)}
        groupKey={memberGroupKey(index, entry.id, grouping, settings)}
      />
    ),
    [index, grouping, settings],
  );
  // No list at all when nothing is ranked: the section says there are no ideas (or no matches).
  if (entries.length === 0) return null;
  return (
    <div className="ranking-wrap" data-ranking="">
      <NoteList ideas={entries} renderIdea={renderIdea} ordered="ranking" />
    </div>
  );
}

interface ItemProps {
  ideaId: string;
  rank: number;
  shared: boolean;
  podium: boolean;
  /** The group the idea is in under the chosen grouping: where "Move to…" starts from. */
  groupKey: string;
}

const RankedItem = memo(function RankedItem({ ideaId, rank, shared, podium, groupKey }: ItemProps) {
  return (
    <li className={`ranking__item${podium ? ' ranking__item--podium' : ''}`} data-rank={rank}>
      <RankLabel rank={rank} shared={shared} className="ranking__rank" />
      <BoardNote ideaId={ideaId} groupKey={groupKey} ranked />
    </li>
  );
});
