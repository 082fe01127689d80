import type { PublicCall } from '../../../shared';
import { useServerNow } from '../../moderation/time-hooks';
import { callStatus, nextCallChange, type CallStatus } from './call-draft';

/** The call's status now, on the server's clock, changing by itself when the call opens or closes. */
export function useCallStatus(call: PublicCall | null): CallStatus {
  const now = useServerNow((at) => nextCallChange(call, at));
  return callStatus(call, now);
}
