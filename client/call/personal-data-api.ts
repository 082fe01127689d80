import type { Ack, PersonDeleteResult, PersonExport } from '../../shared';
import type { ApiResult } from '../rest/http';
import { deviceId } from './device';

// A receipt holder's own data (docs/PROTOCOL.md §19.5): no session, the code is the key.

async function call<T>(method: 'GET' | 'DELETE', code: string): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(`/api/receipts/${encodeURIComponent(code)}/personal-data`, {
      method,
      headers: { Accept: 'application/json', 'X-Samskab-Device': deviceId() },
    });
  } catch {
    return { ok: false, offline: true };
  }
  try {
    return (await response.json()) as Ack<T>;
  } catch {
    return { ok: false, offline: true };
  }
}

export function fetchMyData(code: string): Promise<ApiResult<PersonExport>> {
  return call('GET', code);
}

export function deleteMyData(code: string): Promise<ApiResult<PersonDeleteResult>> {
  return call('DELETE', code);
}

/** Offers JSON as a file download (the export is the person's copy to keep). */
export function downloadJson(data: unknown, filename: string): void {
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
