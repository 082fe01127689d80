import type { Ack, CreateBoardResponse, NewRoundRequest } from '../../shared';
import type { ApiResult } from '../rest/http';
import { contentLength, fileNameFrom } from './export-file';

export type RoundCreated = CreateBoardResponse & { carried: number };

/** POST /api/boards/:boardId/rounds with the facilitator's session. */
export async function startRound(boardId: string, sessionToken: string, body: NewRoundRequest): Promise<ApiResult<RoundCreated>> {
  let response: Response;
  try {
    response = await fetch(`/api/boards/${encodeURIComponent(boardId)}/rounds`, {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json', Authorization: `Bearer ${sessionToken}` },
      body: JSON.stringify(body),
    });
  } catch {
    return { ok: false, offline: true };
  }
  try {
    return (await response.json()) as Ack<RoundCreated>;
  } catch {
    return { ok: false, offline: true };
  }
}

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
  path: string;
  sessionToken: string;
  signal: AbortSignal;
  fallbackName: string;
  /** Called once the server has made the file and starts sending it, then for each piece. */
  onProgress: (progress: ExportProgress) => void;
}

async function refusal(response: Response): Promise<ExportFailure> {
  let code: string | null = null;
  try {
    const ack = (await response.json()) as Ack<unknown>;
    if (!ack.ok) code = ack.error.code;
  } catch {
    // A proxy's error page: no code to tell.
  }
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
export async function fetchExport({ path, sessionToken, signal, fallbackName, onProgress }: FetchExportOptions): Promise<ExportOutcome> {
  const failed = (): ExportOutcome => ({ ok: false, failure: signal.aborted ? { kind: 'aborted' } : { kind: 'offline' } });
  let response: Response;
  try {
    response = await fetch(path, { headers: { Authorization: `Bearer ${sessionToken}` }, signal, cache: 'no-store' });
  } catch {
    return failed();
  }
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
