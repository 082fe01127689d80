import { z } from 'zod';
import { RECEIPT_STATES, type ReceiptState } from '../../shared';
import { deviceStorage, readJson, writeJson, type StorageLike } from './local-store';

/**
 * Receipts of contributions sent from this device, so the call page can list "your
 * earlier contributions" without anyone keeping the codes themselves. Only on the device.
 */
export interface RememberedReceipt {
  receipt: string;
  callId: string;
  /** The beginning of the idea, so the person recognises it. */
  excerpt: string;
  sentAt: number;
  /** As the server said when it was sent; the receipt page has the current state. */
  state: ReceiptState;
}

const receiptSchema = z.object({
  receipt: z.string().min(1),
  callId: z.string().min(1),
  excerpt: z.string(),
  sentAt: z.number(),
  state: z.enum(RECEIPT_STATES),
});
const KEY = 'samskab.receipts';
/** Enough for anyone's contributions; the oldest go first when there are more. */
export const MAX_RECEIPTS = 200;
const EXCERPT = 120;

export function excerptOf(text: string): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length <= EXCERPT ? clean : `${clean.slice(0, EXCERPT - 1).trimEnd()}…`;
}

export function listReceipts(callId?: string, storage: StorageLike | null = deviceStorage()): RememberedReceipt[] {
  const all = (readJson(storage, KEY, z.array(z.unknown())) ?? []).flatMap((item) => {
    const parsed = receiptSchema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
  all.sort((a, b) => b.sentAt - a.sentAt);
  return callId === undefined ? all : all.filter((r) => r.callId === callId);
}

/** Newest first; the same receipt twice (a resend) is kept once. */
export function rememberReceipt(entry: RememberedReceipt, storage: StorageLike | null = deviceStorage()): void {
  const others = listReceipts(undefined, storage).filter((r) => r.receipt !== entry.receipt);
  writeJson(storage, KEY, [entry, ...others].slice(0, MAX_RECEIPTS));
}

export function forgetReceipt(receipt: string, storage: StorageLike | null = deviceStorage()): void {
  writeJson(
    storage,
    KEY,
    listReceipts(undefined, storage).filter((r) => r.receipt !== receipt),
  );
}
