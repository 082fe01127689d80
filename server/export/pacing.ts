import { setImmediate as nextTurn } from 'node:timers/promises';

/** Longest stretch an export may hold the event loop before it lets others run. */
const SLICE_MS = 12;
/** Yield at least this often, however fast the rows are. */
const SLICE_ROWS = 500;

/**
 * Cooperative pacing for long exports: call `step()` once per row (or unit of work). It
 * yields to the event loop (setImmediate, so pending I/O such as other clients' Yjs
 * updates and their store writes run first) every 500 rows or ~12 ms, whichever comes
 * first, so a 10,000-idea export never holds the server for long on a slow machine either.
 */
export class Pacer {
  private rows = 0;
  private sliceStart = performance.now();

  async step(): Promise<void> {
    this.rows++;
    if (this.rows >= SLICE_ROWS || performance.now() - this.sliceStart >= SLICE_MS) await this.yield();
  }

  async yield(): Promise<void> {
    await nextTurn();
    this.rows = 0;
    this.sliceStart = performance.now();
  }
}
