import { decode, download } from '../rest/api';
import { contentLength, fileNameFrom } from './export-file';

// A board's export (GET /api/boards/:boardId/export/:format), read with progress.

export interface ExportProgress {
  received: number;
  /** From Content-Length; null when the server did not say. */
  total: number | null;
}

export type ExportFailure =
  /** 503 EXPORT_UNAVAILABLE: this server cannot make the format (PDF without Chromium). */
  | { kind: 'unavailable' }
  | { kind: 'unauthenticated' }
  | { kind: 'refused'; code: string | null }
  | { kind: 'offline' }
  | { kind: 'aborted' };

export type ExportOutcome = { ok: true; blob: Blob; fileName: string } | { ok: false; failure: ExportFailure };

interface FetchExportOptions {
  boardId: string;
  format: string;
  /** lang, and sep for CSV (client/outcomes/export-file.ts exportQuery). */
  query: URLSearchParams;
  sessionToken: string;
  signal: AbortSignal;
  fallbackName: string;
  /** Called once the server has made the file and starts sending it, then for each piece. */
  onProgress: (progress: ExportProgress) => void;
}

async function refusal(response: Response): Promise<ExportFailure> {
  // A proxy's error page has no code to tell.
  const answer = await decode<unknown>(response);
  const code = !answer.ok && 'error' in answer ? answer.error.code : null;
  if (code === 'EXPORT_UNAVAILABLE') return { kind: 'unavailable' };
  if (response.status === 401 || code === 'UNAUTHENTICATED') return { kind: 'unauthenticated' };
  if (code === null && response.status >= 500) return { kind: 'offline' };
  return { kind: 'refused', code };
}

/**
 * Fetches an export and reads its body piece by piece, reporting progress against
 * Content-Length, so a large board's file shows how far it has come. The page stays
 * usable throughout: nothing here blocks, and `signal` cancels at any point.
 */
export async function fetchExport({ boardId, format, query, sessionToken, signal, fallbackName, onProgress }: FetchExportOptions): Promise<ExportOutcome> {
  const failed = (): ExportOutcome => ({ ok: false, failure: signal.aborted ? { kind: 'aborted' } : { kind: 'offline' } });
  const response = await download('exportBoard', { params: { boardId, format }, query, session: sessionToken, signal });
  if (!response) return failed();
  if (!response.ok) return { ok: false, failure: await refusal(response) };

  const total = contentLength(response.headers.get('Content-Length'));
  const type = response.headers.get('Content-Type') ?? 'application/octet-stream';
  const fileName = fileNameFrom(response.headers.get('Content-Disposition'), fallbackName);
  onProgress({ received: 0, total });
  try {
    const reader = response.body?.getReader();
    if (!reader) {
      const blob = await response.blob();
      onProgress({ received: blob.size, total });
      return { ok: true, blob: new Blob([blob], { type }), fileName };
    }
    const chunks: Uint8Array<ArrayBuffer>[] = [];
    let received = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      received += value.byteLength;
      onProgress({ received, total });
    }
    return { ok: true, blob: new Blob(chunks, { type }), fileName };
  } catch {
    return failed();
  }
}
