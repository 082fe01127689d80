import { useCallback } from 'react';
import { create } from 'zustand';
import { exportQuery, type ExportChoice, type ExportFormat } from './export-file';
import { fetchExport, type ExportFailure, type ExportProgress } from './export-download';

export type ExportState =
  | { phase: 'idle' }
  /** Asked; the server is still making the file (no byte yet). */
  | { phase: 'preparing'; format: ExportFormat }
  | { phase: 'receiving'; format: ExportFormat; progress: ExportProgress }
  | { phase: 'done'; format: ExportFormat; fileName: string; size: number; url: string }
  | { phase: 'failed'; format: ExportFormat; failure: ExportFailure };

const IDLE: ExportState = { phase: 'idle' };

/**
 * The page's export, kept outside the card: the facilitator may close the tools while a
 * large board's file is on its way, and reopening them shows it still coming (or done).
 */
const useExportStore = create<{ boardId: string | null; state: ExportState }>(() => ({ boardId: null, state: IDLE }));

let running: AbortController | null = null;
let objectUrl: string | null = null;
let frame: number | null = null;

const set = (boardId: string, state: ExportState) => useExportStore.setState({ boardId, state });

/** Hands a finished file to the browser's download, under the server's name. */
function saveFile(url: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
}

function stopFrame(): void {
  if (frame !== null) cancelAnimationFrame(frame);
  frame = null;
}

/**
 * One export at a time: a new one replaces the last (and its object URL). Progress reaches
 * the store at most once per frame, so a fast download does not re-render per packet.
 */
async function startExport(boardId: string, sessionToken: string, choice: ExportChoice): Promise<void> {
  running?.abort();
  stopFrame();
  if (objectUrl) URL.revokeObjectURL(objectUrl);
  objectUrl = null;
  const controller = new AbortController();
  running = controller;
  const { format } = choice;
  set(boardId, { phase: 'preparing', format });
  let latest: ExportProgress | null = null;
  const outcome = await fetchExport({
    boardId,
    format,
    query: exportQuery(choice),
    sessionToken,
    signal: controller.signal,
    fallbackName: `samskab-${boardId}.${format}`,
    onProgress: (progress) => {
      latest = progress;
      if (frame !== null) return;
      frame = requestAnimationFrame(() => {
        frame = null;
        if (latest && running === controller) set(boardId, { phase: 'receiving', format, progress: latest });
      });
    },
  });
  if (running !== controller) return; // a newer export took over
  running = null;
  stopFrame();
  if (!outcome.ok) {
    set(boardId, { phase: 'failed', format, failure: outcome.failure });
    return;
  }
  objectUrl = URL.createObjectURL(outcome.blob);
  saveFile(objectUrl, outcome.fileName);
  set(boardId, { phase: 'done', format, fileName: outcome.fileName, size: outcome.blob.size, url: objectUrl });
}

/** This board's export: its state, and starting or cancelling one. */
export function useExport(boardId: string, sessionToken: string) {
  const state = useExportStore((s) => (s.boardId === boardId ? s.state : IDLE));
  const start = useCallback((choice: ExportChoice) => startExport(boardId, sessionToken, choice), [boardId, sessionToken]);
  const cancel = useCallback(() => running?.abort(), []);
  const busy = state.phase === 'preparing' || state.phase === 'receiving';
  return { state, busy, start, cancel };
}
