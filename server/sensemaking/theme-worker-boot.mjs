// Entry of the theme worker (theme-runner.ts). Plain JavaScript for the same reason as
// store/fold-worker-boot.mjs: on Node 20 a worker's own entry is not run through tsx.
import { register } from 'tsx/esm/api';

register();
await import('./theme-worker.ts');
