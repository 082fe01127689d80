import { loadConfig } from './config';
import { createLogger } from './log';
import { createStore } from './store/create-store';
import { createServer } from './create-server';

/** `npm start`: configuration from the environment, the store it names, graceful shutdown. */
const config = loadConfig();
const log = createLogger(config.logLevel);
const store = await createStore({ redisUrl: config.redisUrl, dataDir: config.dataDir });
const server = await createServer({ store, config, log });
const { url } = await server.listen();
log.info({ url, store: store.kind, dataDir: store.kind === 'embedded' ? config.dataDir : undefined }, `Samskab is running at ${config.publicUrl ?? url}`);

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'shutting down: saving pending changes');
  try {
    await server.close();
    await store.close();
    process.exit(0);
  } catch (error) {
    log.error({ err: error }, 'shutdown failed');
    process.exit(1);
  }
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
