import { useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { packWall, type PackBlock, type PackHint, type Packing, type PackRoom } from './wall-pack';
import type { WallBlock } from './wall-blocks';

/** What the wall measured of itself, at one step and one column width. */
interface Measure {
  /** Each shown note's height (with the space under it), by idea id. */
  notes: ReadonlyMap<string, number>;
  /** Each block's heading with the space under the block, by block key. */
  heads: ReadonlyMap<string, number>;
  /** Each block's repeated heading ("… (fortsat)"), once it has stood on the wall at this step. */
  conts: ReadonlyMap<string, number>;
  room: PackRoom;
  /** The step (data-step) and the columns sharing the width when measured: the width the heights hold for. */
  step: string;
  per: number;
  /** The packing last shown from measured heights only, kept while it fits (wall-pack.ts). */
  hint: (PackHint & { step: string; perPage: number }) | null;
}

/**
 * Layouts in a row that may differ from the last before the wall takes what it has: a
 * safeguard, since a packing changes column widths only one way (fewer, wider columns
 * while the blocks still fit them), so the heights settle in two or three.
 */
const MOST_TRIES = 6;

/** Before anything is measured: some sizes to lay out the first frame with (measured before it is painted). */
const GUESS = { note: 90, head: 56, room: { height: 800, perPage: 4, gap: 12 } } as const;

const average = (values: Iterable<number>, fallback: number): number => {
  let n = 0;
  let sum = 0;
  for (const v of values) {
    n += 1;
    sum += v;
  }
  return n > 0 ? sum / n : fallback;
};

const near = (a: number, b: number | undefined): boolean => b !== undefined && Math.abs(a - b) < 0.5;

/** Reads the packed wall as laid out: its room, and the height of each note and heading in it. */
function read(el: HTMLElement, per: number, prev: Measure | null): Measure {
  const style = getComputedStyle(el);
  const gap = parseFloat(style.columnGap) || 0;
  // The step's column width (wall.css sets it for every step, whatever lays the wall out): as many fit as in CSS columns.
  const width = parseFloat(style.columnWidth);
  const perPage = width > 0 ? Math.max(1, Math.floor((el.clientWidth + gap) / (width + gap))) : 1;
  const step = el.dataset.step ?? '';
  const notes = new Map<string, number>();
  const heads = new Map<string, number>();
  // A block continued no longer may be again: its repeated heading's height is kept for the step.
  const conts = new Map<string, number>(prev && prev.step === step ? prev.conts : []);
  let blockGap = 0;
  for (const piece of el.querySelectorAll<HTMLElement>(':scope > .wall__column > .wall__block')) {
    let inNotes = 0;
    for (const item of piece.querySelectorAll<HTMLElement>(':scope > .wall__list > .wall__item')) {
      const h = item.getBoundingClientRect().height;
      notes.set(item.dataset.id ?? '', h);
      inNotes += h;
    }
    const head = piece.getBoundingClientRect().height - inNotes;
    if (piece.dataset.continued !== undefined) conts.set(piece.dataset.block ?? '', head);
    else heads.set(piece.dataset.block ?? '', head);
    blockGap = parseFloat(getComputedStyle(piece).paddingBottom) || 0;
  }
  return {
    notes,
    heads,
    conts,
    room: { height: el.clientHeight, perPage, gap: blockGap },
    step,
    per,
    hint: prev?.hint ?? null,
  };
}

/** Whether a new reading changes any size the packing was made from. */
function sameSizes(a: Measure, b: Measure | null): boolean {
  if (!b || a.step !== b.step || a.per !== b.per || a.room.perPage !== b.room.perPage) return false;
  if (!near(a.room.height, b.room.height) || !near(a.room.gap, b.room.gap)) return false;
  for (const [id, h] of a.notes) if (!near(h, b.notes.get(id))) return false;
  for (const [key, h] of a.heads) if (!near(h, b.heads.get(key))) return false;
  for (const [key, h] of a.conts) if (!near(h, b.conts.get(key))) return false;
  return true;
}

export interface WallPacking {
  /** The columns to render; null while the wall is not packed (it flows in CSS). */
  packing: Packing | null;
}

/**
 * Packs the wall's blocks into columns (wall-pack.ts) from the heights the notes and headings
 * have on the wall. A frame is laid out, measured and, if a height was guessed or has changed
 * (a new idea, an edit, a new step or screen), packed again before it is painted (a layout
 * effect); the wall reports whether the packed columns overflow a page only from a layout
 * made of measured heights (`onSettled`, the density's input), never from a guessed one.
 */
export function useWallPacking(
  ref: RefObject<HTMLElement | null>,
  blocks: readonly WallBlock[],
  active: boolean,
  step: string,
  onSettled: (overflows: boolean) => void,
): WallPacking {
  const [measure, setMeasure] = useState<Measure | null>(null);

  const tries = useRef(0);

  const packing = useMemo(() => {
    if (!active) return null;
    const noteGuess = measure ? average(measure.notes.values(), GUESS.note) : GUESS.note;
    const headGuess = measure ? average(measure.heads.values(), GUESS.head) : GUESS.head;
    const sized: PackBlock[] = blocks.map((b) => {
      const head = measure?.heads.get(b.key) ?? headGuess;
      return { key: b.key, head, cont: measure?.conts.get(b.key) ?? Math.min(head, headGuess), notes: b.ideas.map((m) => measure?.notes.get(m.id) ?? noteGuess) };
    });
    const room = measure?.room ?? GUESS.room;
    const hint = measure?.hint && measure.hint.step === step && measure.hint.perPage === room.perPage ? measure.hint : null;
    return packWall(sized, room, hint);
  }, [active, blocks, measure, step]);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!packing || !el) return;
    const next = read(el, packing.per, measure);
    // Every note and heading on the wall as tall as the packing took it to be: this is the
    // wall (a guessed or changed height is not: it is measured and packed again first).
    if (sameSizes(next, measure) || tries.current >= MOST_TRIES) {
      tries.current = 0;
      onSettled(packing.columns.length > packing.per);
      // Kept while it fits, so the next idea moves only what comes after it.
      const starts = packing.starts.map((i) => (blocks[i] as WallBlock).key);
      const hint = { mode: packing.mode, starts, limit: packing.limit, step: next.step, perPage: next.room.perPage };
      const kept = measure?.hint;
      const same = kept && kept.mode === hint.mode && kept.limit === hint.limit && kept.step === hint.step && kept.perPage === hint.perPage && kept.starts.join('\n') === starts.join('\n');
      if (!same) {
        setMeasure({ ...(measure ?? next), hint });
      }
    } else {
      tries.current += 1;
      setMeasure({ ...next, hint: measure?.hint ?? null });
    }
  }, [ref, packing, blocks, measure, onSettled]);

  // A new screen size, or a note's text edited (its block changes height): measured and packed again.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!packing || !el) return;
    const observer = new ResizeObserver(() => {
      const next = read(el, packing.per, measure);
      if (!sameSizes(next, measure)) setMeasure({ ...next, hint: measure?.hint ?? null });
    });
    observer.observe(el);
    for (const piece of el.querySelectorAll(':scope > .wall__column > .wall__block')) observer.observe(piece);
    return () => observer.disconnect();
  }, [ref, packing, measure]);

  return { packing };
}
