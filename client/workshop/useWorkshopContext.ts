import { useBoardStore } from '../state/board-store';

/** The three facts every workshop rule depends on, read with narrow selectors. */
export function useWorkshopContext() {
  const identity = useBoardStore((s) => s.identity);
  const workshop = useBoardStore((s) => s.workshop);
  const settings = useBoardStore((s) => s.settings);
  return { identity, workshop, settings };
}
