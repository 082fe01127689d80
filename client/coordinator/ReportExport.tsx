import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorCode } from '../../shared';
import { currentLocale } from '../i18n';
import { resultErrorText } from '../i18n/errors';
import { errorOf } from '../rest/http';
import { copyText } from './clipboard';
import { fetchFile } from '../rest/api';
import { saveBlob } from '../rest/save-file';
import { FileLanguageSelect } from '../ui/FileLanguageSelect';
import { overviewQuery, type OverviewFilters } from './overview-filters';

interface Props {
  /** The plain text of the status report; null while there is nothing to report on. */
  text: string | null;
  filters: OverviewFilters;
  sessionToken: string;
  onExpired: () => void;
}

type CopyState = 'idle' | 'copied' | 'failed';

/**
 * "Copy as text" for the memo to the committee, and the ideas as CSV or Excel. The files'
 * language is chosen as in a board's export (client/outcomes ExportCard): the page's own by
 * default, Danish or English for whoever reads the file.
 */
export function ReportExport({ text, filters, sessionToken, onExpired }: Props) {
  const { t } = useTranslation();
  const ids = useId();
  const [copy, setCopy] = useState<CopyState>('idle');
  const [showText, setShowText] = useState(false);
  const [sep, setSep] = useState<';' | ','>(';');
  const [lang, setLang] = useState<'da' | 'en'>(currentLocale());
  const [busy, setBusy] = useState(false);
  const [csvError, setCsvError] = useState<string | null>(null);

  useEffect(() => {
    if (copy !== 'copied') return;
    const timer = setTimeout(() => setCopy('idle'), 5000);
    return () => clearTimeout(timer);
  }, [copy]);

  const copyReport = async () => {
    if (text === null) return;
    const copied = await copyText(text);
    setCopy(copied ? 'copied' : 'failed');
    // When copying fails, the text is shown so it can be selected by hand.
    if (!copied) setShowText(true);
  };

  const download = async (format: 'csv' | 'xlsx') => {
    setBusy(true);
    setCsvError(null);
    const result = await fetchFile(format === 'csv' ? 'overviewCsv' : 'overviewXlsx', {
      session: sessionToken,
      query: new URLSearchParams(overviewQuery(filters, format === 'csv' ? { lang, sep } : { lang })),
    });
    setBusy(false);
    if (result.ok) {
      saveBlob(result.data, `samskab-overblik.${format}`);
    } else if (errorOf(result)?.code === ErrorCode.UNAUTHENTICATED) {
      onExpired();
    } else {
      setCsvError(t('coordinator.export.csvFailed', { reason: resultErrorText(t, result) }));
    }
  };

  return (
    <section className="coord-export" aria-labelledby={`${ids}-heading`}>
      <h3 id={`${ids}-heading`}>{t('coordinator.export.heading')}</h3>
      <div className="coord-export__row">
        <button type="button" className="button button--primary" disabled={text === null} onClick={() => void copyReport()}>
          {t('coordinator.export.copy')}
        </button>
        <button type="button" className="button button--small button--quiet" aria-expanded={showText} onClick={() => setShowText((v) => !v)}>
          {t('coordinator.export.showText')}
        </button>
      </div>
      <p role="status" className={copy === 'failed' ? 'error-text' : 'success-text'}>
        {copy === 'copied' ? t('coordinator.export.copied') : copy === 'failed' ? t('coordinator.export.copyFailed') : ''}
      </p>
      {showText && text !== null ? (
        <div className="field">
          <label htmlFor={`${ids}-text`}>{t('coordinator.export.textLabel')}</label>
          <textarea id={`${ids}-text`} className="coord-export__text" readOnly rows={12} value={text} />
        </div>
      ) : null}
      <div className="coord-export__row coord-export__csv">
        <div className="field coord-export__sep">
          <FileLanguageSelect id={`${ids}-lang`} label={t('coordinator.export.language')} value={lang} onChange={setLang} />
        </div>
        <div className="field coord-export__sep">
          <label htmlFor={`${ids}-sep`}>{t('coordinator.export.separator')}</label>
          <select id={`${ids}-sep`} value={sep} onChange={(e) => setSep(e.target.value === ',' ? ',' : ';')}>
            <option value=";">{t('coordinator.export.semicolon')}</option>
            <option value=",">{t('coordinator.export.comma')}</option>
          </select>
        </div>
        <button type="button" className="button" disabled={busy} onClick={() => void download('csv')}>
          {busy ? t('coordinator.export.csvBusy') : t('coordinator.export.csv')}
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => void download('xlsx')}>
          {t('coordinator.export.xlsx')}
        </button>
      </div>
      <p className="hint">{t('coordinator.export.csvHelp')}</p>
      <p role="alert" className="error-text">
        {csvError ?? ''}
      </p>
    </section>
  );
}
