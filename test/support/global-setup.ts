import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { findOnPath, startRedis } from './redis-process';

/**
 * Starts one throwaway redis-server for the whole run, so the Redis store runs the same
 * contract as the embedded one. Suites isolate themselves with random key prefixes.
 */

function warnNoRedis(): void {
  const line = '!'.repeat(78);
  process.stderr.write(
    [
      '',
      line,
      '!!  redis-server was not found on PATH.',
      '!!  The Redis store tests will be SKIPPED in this run.',
      '!!  Install Redis (e.g. `apt-get install redis-server`) to run them locally;',
      '!!  CI (CI=true) fails instead of skipping.',
      line,
      '',
    ].join('\n'),
  );
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const binary = findOnPath('redis-server');
  if (!binary) {
    if (process.env.CI === 'true') throw new Error('redis-server is required in CI but is not on PATH');
    warnNoRedis();
    project.provide('redisUrl', null);
    project.provide('redisBinary', null);
    return async () => {};
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'samskab-redis-'));
  const redis = await startRedis({ binary, dir }).catch(async (error: unknown) => {
    await rm(dir, { recursive: true, force: true });
    throw error;
  });
  project.provide('redisUrl', redis.url);
  project.provide('redisBinary', binary);
  return async () => {
    await redis.stop();
    await rm(dir, { recursive: true, force: true });
  };
}
