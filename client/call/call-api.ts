import type { ContributionRequest } from '../../shared';
import { send } from '../rest/api';
import { deviceId } from './device';

// The public call's REST endpoints (no session): GET the call, POST a contribution, GET a
// receipt, each with this device's id (the per-device allowance counts it).

const headers = (): Record<string, string> => ({ 'X-Samskab-Device': deviceId() });

export const fetchCall = (callId: string) => send('callInfo', { params: { callId }, headers: headers() });

/** 201 for a new contribution, 200 when this id was received before (a resend after a lost answer). */
export const postContribution = (callId: string, body: ContributionRequest) => send('contribute', { params: { callId }, body, headers: headers() });

export const fetchReceipt = (code: string) => send('receipt', { params: { code }, headers: headers() });
