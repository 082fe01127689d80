import { useCallback, useEffect, useState } from 'react';
import { ErrorCode, ID_PATTERN, type PublicCallInfo } from '../../shared';
import { errorOf, isOffline, type Sent } from '../rest/http';
import { fetchCall } from './call-api';

export type CallLoad =
  | { kind: 'loading' }
  | { kind: 'ready'; info: PublicCallInfo }
  | { kind: 'not-found' }
  /** No answer (offline), or a refusal that is not "no such call". */
  | { kind: 'failed'; offline: boolean; code: string | null; retryAfter: number | null };

/** GET /api/calls/:callId, again whenever asked (after a CALL_CLOSED refusal, or "try again"). */
export function useCallInfo(callId: string): { load: CallLoad; reload: () => Promise<void> } {
  const valid = ID_PATTERN.test(callId);
  const [load, setLoad] = useState<CallLoad>(valid ? { kind: 'loading' } : { kind: 'not-found' });

  const apply = useCallback(({ result, retryAfter }: Sent<PublicCallInfo>) => {
    if (result.ok) {
      setLoad({ kind: 'ready', info: result.data });
      return;
    }
    const code = errorOf(result)?.code;
    if (code === ErrorCode.CALL_NOT_FOUND || code === ErrorCode.NOT_FOUND) {
      setLoad({ kind: 'not-found' });
      return;
    }
    // A page already showing the call keeps showing it; only a first load shows the failure.
    setLoad((previous) =>
      previous.kind === 'ready'
        ? previous
        : { kind: 'failed', offline: isOffline(result), code: code ?? null, retryAfter },
    );
  }, []);

  const reload = useCallback(async () => {
    if (valid) apply(await fetchCall(callId));
  }, [apply, callId, valid]);

  useEffect(() => {
    if (!valid) return;
    let live = true;
    const load = () => void fetchCall(callId).then((sent) => live && apply(sent));
    load();
    // A page opened without a connection loads the call as soon as there is one.
    window.addEventListener('online', load);
    return () => {
      live = false;
      window.removeEventListener('online', load);
    };
  }, [apply, callId, valid]);

  return { load, reload };
}
