import { registerSW } from 'virtual:pwa-register';
import { create } from 'zustand';

/**
 * The offline app shell's life cycle (vite.config.ts): registered on every page, so the
 * call page, the receipt page and boards open without a connection once loaded. A new
 * version waits; the page offers "Ny version — genindlæs" and switches only when asked.
 */
interface AppUpdate {
  waiting: boolean;
  apply: (() => Promise<void>) | null;
}

export const useAppUpdate = create<AppUpdate>(() => ({ waiting: false, apply: null }));

export function registerAppShell(): void {
  if (import.meta.env.DEV || !('serviceWorker' in navigator)) return;
  const update = registerSW({
    onNeedRefresh: () => useAppUpdate.setState({ waiting: true }),
    onRegisterError: () => {
      // No worker (private mode, blocked): everything works online; offline reloads do not.
    },
  });
  useAppUpdate.setState({ apply: () => update(true) });
}

/**
 * Runs `warm` once the offline shell controls this page (at once when it already does), so
 * answers the page fetched before the worker was in charge are fetched again through it and
 * kept for offline use (a call's form, a receipt). Not at all without a worker.
 */
export function whenAppShellControls(warm: () => void): () => void {
  if (import.meta.env.DEV || !('serviceWorker' in navigator)) return () => undefined;
  if (navigator.serviceWorker.controller) {
    warm();
    return () => undefined;
  }
  const onChange = () => warm();
  navigator.serviceWorker.addEventListener('controllerchange', onChange, { once: true });
  return () => navigator.serviceWorker.removeEventListener('controllerchange', onChange);
}
