import { useCallback, useEffect, useState } from 'react';
import type { Beacon } from '../../shared';
import { errorOf, isOffline } from '../rest/http';
import { request } from '../rest/api';

export type BeaconsLoad =
  | { kind: 'loading' }
  | { kind: 'ready'; beacons: Beacon[] }
  | { kind: 'failed'; offline: boolean; code: string | null };

/** GET /api/installation/beacons; `replace` after a save, so the page shows what the server kept. */
export function useInstallationBeacons() {
  const [load, setLoad] = useState<BeaconsLoad>({ kind: 'loading' });
  const [round, setRound] = useState(0);

  useEffect(() => {
    let live = true;
    void request('installationBeacons', { cache: 'no-store' }).then((result) => {
      if (!live) return;
      if (result.ok) setLoad({ kind: 'ready', beacons: result.data.beacons });
      else setLoad({ kind: 'failed', offline: isOffline(result), code: errorOf(result)?.code ?? null });
    });
    return () => {
      live = false;
    };
  }, [round]);

  const reload = useCallback(() => {
    setLoad({ kind: 'loading' });
    setRound((n) => n + 1);
  }, []);
  const replace = useCallback((beacons: Beacon[]) => setLoad({ kind: 'ready', beacons }), []);
  return { load, reload, replace };
}
