import { useBoardStore } from '../state/board-store';

/**
 * Mirrors the browser's online/offline state into the store's connection facts, so the save
 * light says "offline" the moment the device loses its network instead of "saved" until
 * y-websocket's 30-second silence check notices. When the network comes back, `onBack` runs:
 * a socket that kept claiming to be open through the outage may be half-open (its peer long
 * gone), so the caller drops it and the provider reconnects and syncs at once.
 */
export function watchNetwork(onBack: () => void): () => void {
  const set = (network: boolean) => useBoardStore.getState().setConnection({ network });
  const offline = () => set(false);
  const online = () => {
    set(true);
    onBack();
  };
  set(navigator.onLine);
  window.addEventListener('offline', offline);
  window.addEventListener('online', online);
  return () => {
    window.removeEventListener('offline', offline);
    window.removeEventListener('online', online);
  };
}
