import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../i18n/errors';
import { downloadAuditCsv } from '../audit-export';

/** Downloads the whole log as CSV (Excel-ready: UTF-8 with BOM, `;`-separated, made by the server). */
export function ExportAuditButton({ boardId, sessionToken }: { boardId: string; sessionToken: string }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; failed: boolean } | null>(null);

  const download = async () => {
    setBusy(true);
    setMessage(null);
    const result = await downloadAuditCsv(boardId, sessionToken);
    setBusy(false);
    if (result.ok) setMessage({ text: t('moderation.audit.exported', { file: result.fileName }), failed: false });
    else setMessage({ text: 'offline' in result ? t('errors.offline') : errorText(t, result.code), failed: true });
  };

  return (
    <div className="mod-audit-export">
      <button type="button" className="button button--small" disabled={busy} onClick={() => void download()}>
        {busy ? t('moderation.audit.exporting') : t('moderation.audit.export')}
      </button>
      <p role="status" className={message ? (message.failed ? 'error-text' : 'success-text') : 'sr-only'}>
        {message?.text ?? ''}
      </p>
    </div>
  );
}
