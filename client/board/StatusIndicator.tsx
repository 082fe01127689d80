import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useBoardStore } from '../state/board-store';
import { deriveSaveStatus, type SaveStatus } from '../state/slices/connection';

const OFFLINE: ReadonlySet<SaveStatus> = new Set(['offline', 'local']);

/**
 * The always-visible connection and save status. Screen readers hear only the changes
 * that matter (going offline, coming back with everything saved), not every save.
 */
export function StatusIndicator() {
  const { t } = useTranslation();
  const status = useBoardStore((s) => deriveSaveStatus(s.connection));
  const announce = useBoardStore((s) => s.announce);
  const previous = useRef<SaveStatus>(status);

  useEffect(() => {
    const before = previous.current;
    previous.current = status;
    if (OFFLINE.has(status) && !OFFLINE.has(before)) announce(t(`status.${status}`));
    if (status === 'saved' && OFFLINE.has(before)) announce(t('status.saved'));
  }, [status, announce, t]);

  return (
    <p className={`status status--${status}`} data-status={status}>
      <span className="status__dot" aria-hidden="true" />
      <span className="sr-only">{t('status.label')}: </span>
      {t(`status.${status}`)}
    </p>
  );
}
