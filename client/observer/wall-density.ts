/**
 * How dense the projector's wall is: a few discrete steps, so the wall re-lays itself out
 * only when it crosses one, never on every idea that arrives.
 *  - large: a few ideas, in rows of big notes across the whole wall;
 *  - medium: more, smaller notes, still in rows;
 *  - dense, denser, densest: columns of notes filled top to bottom (at 1920 px some 4, 5
 *    and 6 columns, each step with a little smaller text, never under ~22 px), so a room's
 *    worth of ideas stands on one page; only the densest pages sideways (useWallPaging).
 * Pure, so the choice (and its hysteresis) is tested without a browser.
 */
export const DENSITIES = ['large', 'medium', 'dense', 'denser', 'densest'] as const;
export type Density = (typeof DENSITIES)[number];

/** The steps that lay notes out in rows; the others fill columns. */
export const inRows = (density: Density): boolean => density === 'large' || density === 'medium';

/** The step that pages what does not fit, instead of stepping on. */
export const LAST: Density = DENSITIES[DENSITIES.length - 1] as Density;

/**
 * The most notes a step shows before the wall steps denser (the last holds any number).
 * For the column steps these are bounds no wall of short notes reaches at 1920 × 1080: a
 * full wall (a screen joining a board of hundreds) goes straight to the last step instead
 * of laying out every step on the way; below them, the steps follow what fits (overflows).
 */
export type Limits = Readonly<Record<Exclude<Density, 'densest'>, number>>;

export const MOST_NOTES: Limits = { large: 8, medium: 24, dense: 48, denser: 64 };

/**
 * The same for a wall of clusters packed into columns (useWallPacking), whose steps follow
 * only what fits (a step's notes overflow its page): bounds no such wall of short notes
 * reaches on one page at 1920 × 1080, so only a full wall goes straight to a dense step. The
 * count limits above stepped three clusters of three or four ideas down to smaller text
 * than the wall needed.
 */
export const PACKED_NOTES: Limits = { large: 20, medium: 36, dense: 56, denser: 80 };

/**
 * The wall steps back to a sparser step only once the notes are this share of that step's
 * limit or fewer: a deleted idea or two around a limit must not flip the wall back and forth.
 */
export const BACK_SHARE = 0.75;

export interface DensityState {
  density: Density;
  /**
   * Steps whose notes did not fit on the wall, with how many notes they did not fit: the
   * wall does not go back to such a step until it shows fewer notes than that (a column
   * step: well fewer), else it would go back, overflow, and step again, on and on.
   */
  overflowedAt: Readonly<Partial<Record<Density, number>>>;
  /** The screen the overflows were measured on: a new screen size forgets them. */
  screen: string;
}

export interface DensityInput {
  /** Notes shown on the wall. */
  count: number;
  /**
   * Whether the notes, laid out at the current step, do not fit the wall: taller than it in
   * rows, wider than one page in columns.
   */
  overflows: boolean;
  /** The screen's size, e.g. "1920x1080". */
  screen: string;
}

export const START: DensityState = { density: 'large', overflowedAt: {}, screen: '' };

const limitOf = (limits: Limits, step: number): number => {
  const density = DENSITIES[step] as Density;
  return density === LAST ? Infinity : limits[density as Exclude<Density, 'densest'>];
};

/**
 * The step for the wall's notes now, from the step it is at. By count: denser past a step's
 * limit, sparser only well below the sparser step's (BACK_SHARE). By room: a step whose
 * notes overflow the wall goes one denser and is remembered as too full for that many notes.
 * Returns `prev` itself when nothing changes, so a caller's state update renders nothing.
 */
export function nextDensity(prev: DensityState, { count, overflows, screen }: DensityInput, limits: Limits = MOST_NOTES): DensityState {
  const limit = (step: number): number => limitOf(limits, step);
  let overflowedAt = screen === prev.screen ? prev.overflowedAt : {};
  const from = DENSITIES.indexOf(prev.density);
  const tooFull = (step: number): boolean => {
    const density = DENSITIES[step] as Density;
    const at = overflowedAt[density];
    if (at === undefined) return false;
    // Rows hold a few notes: one fewer than overflowed is worth trying. Columns hold dozens:
    // a deleted idea or two must not re-lay the whole wall (and the next idea lay it out
    // again), so, as with the limits, only well below.
    return inRows(density) ? count >= at : count > Math.floor(at * BACK_SHARE);
  };
  let step = from;
  while (step < DENSITIES.length - 1 && (count > limit(step) || tooFull(step))) step += 1;
  while (step > 0 && count <= Math.floor(limit(step - 1) * BACK_SHARE) && !tooFull(step - 1)) step -= 1;
  // The overflow was measured at the current step: it only counts while the wall stays there.
  if (step === from && overflows && step < DENSITIES.length - 1) {
    overflowedAt = { ...overflowedAt, [prev.density]: count };
    step += 1;
  }
  const density = DENSITIES[step] as Density;
  if (density === prev.density && overflowedAt === prev.overflowedAt && screen === prev.screen) return prev;
  return { density, overflowedAt, screen };
}
