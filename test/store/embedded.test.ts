import { vi } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { BoardStore } from '../../server/store/board-store';
import { EmbeddedStore } from '../../server/store/embedded-store';
import { storeContract } from './contract';

vi.mock('../../server/store/compact', (orig) => import('./contract').then((c) => c.probedCompact(orig)));

storeContract('embedded', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'samskab-store-'));
  const opened: BoardStore[] = [await EmbeddedStore.open(dir)];
  return {
    store: opened[0]!,
    reopen: async () => {
      const store = await EmbeddedStore.open(dir);
      opened.push(store);
      return store;
    },
    cleanup: async () => {
      for (const store of opened) await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});
