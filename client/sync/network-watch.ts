import { useBoardStore } from '../state/board-store';

/**
 * Mirrors the browser's online/offline events into the store's connection facts, so the save
 * light says "offline" the moment the device loses its network instead of "saved" until
 * y-websocket's 30-second silence check notices. When the network comes back, `onBack` runs:
 * a socket that kept claiming to be open through the outage may be half-open (its peer long
 * gone), so the caller drops it and the provider reconnects and syncs at once.
 *
 * Only the events count, not navigator.onLine at the start, and the server's own answers
 * overrule them (`heardFromServer`): a laptop with no network interface up still reaches a
 * server on localhost, and must not be told it is offline while its changes are saved.
 */
export function watchNetwork(onBack: () => void): () => void {
  const set = (network: boolean) => useBoardStore.getState().setConnection({ network });
  const offline = () => set(false);
  const online = () => {
    set(true);
    onBack();
  };
  set(true);
  window.addEventListener('offline', offline);
  window.addEventListener('online', online);
  return () => {
    window.removeEventListener('offline', offline);
    window.removeEventListener('online', online);
  };
}

/** The server answered (a sync completed, a Saved came): whatever the browser said, it is reachable. */
export function heardFromServer(): void {
  if (!useBoardStore.getState().connection.network) useBoardStore.getState().setConnection({ network: true });
}
