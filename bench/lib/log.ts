/** Progress lines, stamped with seconds since the run started (where the short mode's 3 minutes go). */
const started = performance.now();

export function log(line: string): void {
  process.stdout.write(`${((performance.now() - started) / 1000).toFixed(0).padStart(4)}s  ${line}\n`);
}
