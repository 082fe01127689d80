import { randomId, type Ack, type ContributionReceipt, type ContributionRequest, type PublicCall, type ReceiptView } from '../../shared';
import { call, ok, type TestSocket } from './workshop';

/** Opens the board's public call now, with no closing time. */
export function openCall(facilitator: TestSocket, moderation: 'pre' | 'post', window: Partial<Pick<PublicCall, 'opensAt' | 'closesAt'>> = {}) {
  return ok(
    call<PublicCall>(facilitator, 'call:configure', {
      enabled: true,
      opensAt: window.opensAt ?? null,
      closesAt: window.closesAt ?? null,
      moderation,
    }),
  );
}

/** POSTs a contribution through the public link, as the contribution page does. */
export async function contribute(
  base: string,
  callId: string,
  fields: Partial<ContributionRequest> = {},
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Ack<ContributionReceipt>; retryAfter: string | null }> {
  const body: ContributionRequest = { id: randomId(16), text: 'Flere bænke ved Ishøj Strand', ...fields };
  const res = await fetch(`${base}/api/calls/${callId}/contributions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Ack<ContributionReceipt>, retryAfter: res.headers.get('retry-after') };
}

export async function receipt(base: string, code: string): Promise<{ status: number; body: Ack<ReceiptView> }> {
  const res = await fetch(`${base}/api/receipts/${encodeURIComponent(code)}`);
  return { status: res.status, body: (await res.json()) as Ack<ReceiptView> };
}
