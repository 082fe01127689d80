import { RECEIPT_PATTERN } from '../../shared';

/**
 * A receipt code as people type or read it aloud: any case, with spaces, dashes or none.
 * Returns the canonical `XXXX-XXXX-XXXX`, or null when it cannot be a code.
 */
export function normalizeReceiptCode(input: string): string | null {
  const clean = input.toUpperCase().replace(/[\s\-–—_.]/g, '');
  if (clean.length !== 12) return null;
  const code = `${clean.slice(0, 4)}-${clean.slice(4, 8)}-${clean.slice(8)}`;
  return RECEIPT_PATTERN.test(code) ? code : null;
}

/** The address of a receipt's status page on this site. */
export function receiptPath(code: string): string {
  return `/r/${encodeURIComponent(code)}`;
}
