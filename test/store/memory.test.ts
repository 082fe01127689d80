import { vi } from 'vitest';
import { MemoryData, MemoryStore } from '../../server/store/memory-store';
import type { BoardStore } from '../../server/store/board-store';
import { storeContract } from './contract';

vi.mock('../../server/store/compact', (orig) => import('./contract/harness').then((c) => c.probedCompact(orig)));

storeContract('memory', { shared: false }, async () => {
  const data = new MemoryData();
  const opened: BoardStore[] = [new MemoryStore(data)];
  return {
    store: opened[0]!,
    reopen: async () => {
      const store = new MemoryStore(data);
      opened.push(store);
      return store;
    },
    cleanup: async () => {
      for (const store of opened) await store.close();
    },
  };
});
