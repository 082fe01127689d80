import { useTranslation } from 'react-i18next';
import { currentLocale } from '../i18n';
import { errorText } from '../i18n/errors';
import { formatBytes } from './export-file';
import type { ExportFailure } from './export-download';
import type { ExportState } from './useExport';

function useFailureText() {
  const { t } = useTranslation();
  return (failure: ExportFailure): string => {
    switch (failure.kind) {
      case 'unavailable':
        return t('outcomes.export.pdfUnavailable');
      case 'unauthenticated':
        return t('outcomes.export.sessionExpired');
      case 'aborted':
        return t('outcomes.export.cancelled');
      case 'offline':
        return t('outcomes.export.failed', { reason: t('errors.offline') });
      case 'refused':
        return t('outcomes.export.failed', { reason: errorText(t, failure.code) });
    }
  };
}

/**
 * Where an export is: a progress bar (indeterminate while the server makes the file), the
 * finished file with "save again" and, for the report, "open to print"; or why it failed.
 * Only the changes of phase go to the live region; the running figures are plain text, so
 * a screen reader is not flooded while a large file arrives.
 */
export function ExportStatus({ state, onUseHtml }: { state: ExportState; onUseHtml: () => void }) {
  const { t } = useTranslation();
  const failureText = useFailureText();
  const size = (bytes: number) => formatBytes(bytes, currentLocale() === 'da' ? 'da-DK' : 'en-GB');

  const announced =
    state.phase === 'preparing' || state.phase === 'receiving'
      ? t('outcomes.export.preparing')
      : state.phase === 'done'
        ? t('outcomes.export.done', { file: state.fileName, size: size(state.size) })
        : state.phase === 'failed' && state.failure.kind === 'aborted'
          ? t('outcomes.export.cancelled')
          : '';

  return (
    <div className="export-status" data-export-phase={state.phase}>
      <p role="status" className={announced && state.phase !== 'receiving' ? 'export-status__line' : 'sr-only'}>
        {announced}
      </p>
      {state.phase === 'preparing' ? <progress className="export-status__bar" aria-label={t('outcomes.export.progressLabel')} /> : null}
      {state.phase === 'receiving' ? (
        <>
          {state.progress.total !== null ? (
            <progress
              className="export-status__bar"
              aria-label={t('outcomes.export.progressLabel')}
              max={state.progress.total}
              value={state.progress.received}
            />
          ) : (
            <progress className="export-status__bar" aria-label={t('outcomes.export.progressLabel')} />
          )}
          <p className="export-status__line">
            {state.progress.total !== null
              ? t('outcomes.export.receiving', { received: size(state.progress.received), total: size(state.progress.total) })
              : t('outcomes.export.receivingUnknown', { received: size(state.progress.received) })}
          </p>
        </>
      ) : null}
      {state.phase === 'done' ? (
        <p className="export-status__links">
          <a href={state.url} download={state.fileName}>
            {t('outcomes.export.saveAgain', { file: state.fileName })}
          </a>
          {state.format === 'html' ? (
            <a href={state.url} target="_blank" rel="noopener noreferrer">
              {t('outcomes.export.openReport')}
            </a>
          ) : null}
        </p>
      ) : null}
      {state.phase === 'failed' && state.failure.kind !== 'aborted' ? (
        <div className="export-status__error" role="alert">
          <p>{failureText(state.failure)}</p>
          {state.failure.kind === 'unavailable' ? (
            <button type="button" className="button button--small" onClick={onUseHtml}>
              {t('outcomes.export.useHtml')}
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
