import type { TFunction } from 'i18next';
import { ErrorCode } from '../../shared';
import { errorOf, isOffline, type ApiResult } from '../rest/http';

function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(ErrorCode, code);
}

/** A refusal in the reader's language; the server's English message is for logs. */
export function errorText(t: TFunction, code: string | null | undefined): string {
  return code && isErrorCode(code) ? t(`errors.codes.${code}`) : t('errors.generic');
}

/** The message for a failed request: offline, a known refusal, or a generic one. */
export function resultErrorText(t: TFunction, result: ApiResult<unknown>): string {
  return isOffline(result) ? t('errors.offline') : errorText(t, errorOf(result)?.code);
}
