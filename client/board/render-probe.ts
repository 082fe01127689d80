/**
 * Render counts for the browser test that proves a remote edit re-renders only what it
 * touches (test/browser/remote-edit-renders.test.ts). Call sites guard every call with
 * `if (import.meta.env.VITE_RENDER_PROBE === '1')`, which Vite replaces by a constant at
 * build time: a normal build drops the call and this module, so production pays nothing.
 * The test builds the client with VITE_RENDER_PROBE=1 into a directory of its own.
 */
export function countRender(kind: string, key: string): void {
  const w = window as unknown as { __renders?: Record<string, number> };
  const counts = (w.__renders ??= {});
  const name = `${kind}:${key}`;
  counts[name] = (counts[name] ?? 0) + 1;
}
