import type { StoreHarness } from './harness';
import { boardAccessContract } from './board-access';
import { clusterContract } from './cluster';
import { documentLogContract } from './document-log';
import { dotVotesContract } from './dot-votes';
import { featureRecordsContract } from './feature-records';
import { wholeStoreContract } from './whole-store';

export { foldProbe, type StoreHarness } from './harness';

export interface StoreTraits {
  /** Several processes may share the store (Redis): it must offer a cluster, and is tested as one. */
  shared: boolean;
}

/**
 * The behavioural contract of BoardStore, one suite per interface. Every implementation
 * runs them all (embedded.test.ts, redis.test.ts, memory.test.ts), so the server can swap
 * stores without noticing.
 */
export function storeContract(name: string, traits: StoreTraits, open: () => Promise<StoreHarness>): void {
  documentLogContract(name, open);
  boardAccessContract(name, open);
  dotVotesContract(name, open);
  featureRecordsContract(name, open);
  wholeStoreContract(name, open);
  clusterContract(name, traits.shared, open);
}
