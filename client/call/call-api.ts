import type { ContributionReceipt, ContributionRequest, PublicCallInfo, ReceiptView } from '../../shared';
import { sendWithHeaders, type Sent } from '../rest/http';
import { deviceId } from './device';

// The public call's REST endpoints (no session): GET the call, POST a contribution, GET a receipt.

function headers(): Record<string, string> {
  return { 'X-Samskab-Device': deviceId() };
}

export function fetchCall(callId: string): Promise<Sent<PublicCallInfo>> {
  return sendWithHeaders('GET', `/api/calls/${encodeURIComponent(callId)}`, undefined, headers());
}

/** 201 for a new contribution, 200 when this id was received before (a resend after a lost answer). */
export function postContribution(callId: string, body: ContributionRequest): Promise<Sent<ContributionReceipt>> {
  return sendWithHeaders('POST', `/api/calls/${encodeURIComponent(callId)}/contributions`, body, headers());
}

export function fetchReceipt(code: string): Promise<Sent<ReceiptView>> {
  return sendWithHeaders('GET', `/api/receipts/${encodeURIComponent(code)}`, undefined, headers());
}
