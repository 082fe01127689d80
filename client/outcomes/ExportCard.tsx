import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../i18n';
import { EXPORT_FORMATS, type CsvSeparator, type ExportChoice, type ExportFormat, type ExportLanguage } from './export-file';
import { ExportStatus } from './ExportStatus';
import { FileLanguageSelect } from '../ui/FileLanguageSelect';
import { useExport } from './useExport';

interface Props {
  boardId: string;
  sessionToken: string;
}

/** Facilitators: download the board as a spreadsheet, a report or a backup, with progress. */
export function ExportCard({ boardId, sessionToken }: Props) {
  const { t } = useTranslation();
  const ids = useId();
  const [format, setFormat] = useState<ExportFormat>('xlsx');
  const [lang, setLang] = useState<ExportLanguage>(currentLocale());
  const [sep, setSep] = useState<CsvSeparator>(';');
  const exporter = useExport(boardId, sessionToken);

  const run = (choice: ExportChoice) => {
    if (exporter.busy) return;
    void exporter.start(choice);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    run({ format, lang, sep });
  };

  return (
    <section className="outcome-card export-card" aria-labelledby={`${ids}-heading`} data-export="">
      <h4 id={`${ids}-heading`}>{t('outcomes.export.heading')}</h4>
      <p className="hint">{t('outcomes.export.intro')}</p>
      <form className="export-card__form" onSubmit={submit}>
        <fieldset className="field">
          <legend>{t('outcomes.export.format')}</legend>
          <div className="export-card__formats">
            {EXPORT_FORMATS.map((value) => (
              <label key={value} className="choice choice--compact">
                <input type="radio" name={`${ids}-format`} value={value} checked={format === value} onChange={() => setFormat(value)} />
                <span>
                  <span className="choice__name">{t(`outcomes.export.formats.${value}.name`)}</span>
                  <span className="choice__help">{t(`outcomes.export.formats.${value}.help`)}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <div className="export-card__options">
          <div className="field">
            <FileLanguageSelect id={`${ids}-lang`} label={t('outcomes.export.language')} value={lang} onChange={setLang} />
          </div>
          {format === 'csv' ? (
            <fieldset className="field">
              <legend>{t('outcomes.export.separator')}</legend>
              <label className="check">
                <input type="radio" name={`${ids}-sep`} checked={sep === ';'} onChange={() => setSep(';')} />
                {t('outcomes.export.separators.semicolon')}
              </label>
              <label className="check">
                <input type="radio" name={`${ids}-sep`} checked={sep === ','} onChange={() => setSep(',')} />
                {t('outcomes.export.separators.comma')}
              </label>
            </fieldset>
          ) : null}
        </div>
        <div className="actions">
          <button type="submit" className="button button--primary" aria-disabled={exporter.busy ? true : undefined}>
            {t('outcomes.export.download')}
          </button>
          {exporter.busy ? (
            <button type="button" className="button" onClick={exporter.cancel}>
              {t('outcomes.export.cancel')}
            </button>
          ) : null}
        </div>
      </form>
      <ExportStatus state={exporter.state} onUseHtml={() => run({ format: 'html', lang, sep })} />
    </section>
  );
}
