import type { MyBoard } from '../session/storage';

/** Newest first; boards saved before the list kept dates come last, by title. */
export function sortMyBoards(boards: readonly MyBoard[]): MyBoard[] {
  return [...boards].sort((a, b) => {
    if (a.createdAt !== b.createdAt) {
      if (a.createdAt === null) return 1;
      if (b.createdAt === null) return -1;
      return b.createdAt - a.createdAt;
    }
    return (a.title ?? '').localeCompare(b.title ?? '', 'da') || (a.boardId < b.boardId ? -1 : 1);
  });
}
