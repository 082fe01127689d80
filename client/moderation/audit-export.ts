import { decode, download } from '../rest/api';
import { toCopenhagenDate } from '../../shared';

export type ExportResult = { ok: true; fileName: string } | { ok: false; offline: true } | { ok: false; code: string };

/** The server's file name when it gives one (Content-Disposition), else one with the board and date. */
export function csvFileName(disposition: string | null, boardId: string, now: number): string {
  const star = disposition ? /filename\*=UTF-8''([^;]+)/i.exec(disposition) : null;
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      // A malformed encoded name: fall through to the plain one.
    }
  }
  const plain = disposition ? /filename="?([^";]+)"?/i.exec(disposition) : null;
  return plain?.[1] ?? `samskab-log-${boardId}-${toCopenhagenDate(now)}.csv`;
}

/**
 * Downloads the board's audit log as CSV. A plain link cannot carry the session (it goes
 * in the Authorization header, never in a URL that ends up in logs and history), so the
 * file is fetched and handed to the browser as an object URL.
 */
export async function downloadAuditCsv(boardId: string, sessionToken: string): Promise<ExportResult> {
  const response = await download('auditCsv', { params: { boardId }, session: sessionToken, headers: { Accept: 'text/csv' } });
  if (!response) return { ok: false, offline: true };
  if (!response.ok) {
    const answer = await decode<unknown>(response);
    return { ok: false, code: !answer.ok && 'error' in answer ? answer.error.code : 'INTERNAL' };
  }
  const blob = await response.blob();
  const fileName = csvFileName(response.headers.get('Content-Disposition'), boardId, Date.now());
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers start reading the blob only after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return { ok: true, fileName };
}
