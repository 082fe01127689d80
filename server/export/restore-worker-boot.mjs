// Entry of the restore worker (restore.ts). Plain JavaScript on purpose: on Node 20 a
// worker's `execArgv: ['--import', 'tsx']` does not apply tsx to the worker's own entry file
// ("Unknown file extension .ts"), so this file registers tsx itself, then loads the worker.
import { register } from 'tsx/esm/api';

register();
await import('./restore-worker.ts');
