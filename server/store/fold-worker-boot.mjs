// Entry of the fold worker (compact.ts). Plain JavaScript on purpose: on Node 20 a worker's
// `execArgv: ['--import', 'tsx']` does not apply tsx to the worker's own entry file
// ("Unknown file extension .ts"), so this file registers tsx itself, then loads the worker.
//
// The thread lowers its priority before anything else: loading tsx and compiling the worker
// is most of its start (the first compaction of a process), and where the server has one
// core that start competes with the thread answering clients.
// On Linux a thread's nice value is its own (setpriority on its thread id, which
// /proc/thread-self names); elsewhere, or when not permitted, it stays as it is.
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';

try {
  const threadId = Number(readlinkSync('/proc/thread-self').split('/').pop());
  if (Number.isInteger(threadId) && threadId > 0 && threadId !== process.pid) setPriority(threadId, 19);
} catch {
  // Folding at normal priority still works.
}

const { register } = await import('tsx/esm/api');
register();
await import('./fold-worker.ts');
