import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS, LOCALES, TEMPLATE_IDS, TEMPLATES, type CreateBoardResponse, type Locale, type TemplateId } from '../../shared';
import { request } from '../rest/api';
import { resultErrorText } from '../i18n/errors';
import { currentLocale } from '../i18n';
import { saveBoardMeta, saveLinks } from '../session/storage';
import { ErrorText } from '../ui/ErrorText';

export function CreateBoardForm({ onCreated }: { onCreated: (created: CreateBoardResponse) => void }) {
  const { t } = useTranslation();
  const ids = useId();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [template, setTemplate] = useState<TemplateId>('kickoff');
  const [locale, setLocale] = useState<Locale>(currentLocale());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const result = await request('createBoard', {
      body: { template, locale, title: title.trim() || undefined, description: description.trim() || undefined },
    });
    setBusy(false);
    if (result.ok) {
      saveLinks(result.data.boardId, result.data.links);
      saveBoardMeta(result.data.boardId, { title: result.data.title, createdAt: Date.now() });
      onCreated(result.data);
      return;
    }
    setError(resultErrorText(t, result));
  };

  return (
    <form className="card form start__form" onSubmit={(e) => void submit(e)} aria-labelledby={`${ids}-heading`}>
      <h2 id={`${ids}-heading`}>{t('start.formHeading')}</h2>

      <fieldset className="field">
        <legend>{t('start.template')}</legend>
        <div className="choices">
          {TEMPLATE_IDS.map((id) => (
            <label key={id} className="choice">
              <input type="radio" name="template" value={id} checked={template === id} onChange={() => setTemplate(id)} />
              <span>
                <span className="choice__name">{t(`start.templates.${id}.name`)}</span>
                <span className="choice__help">{t(`start.templates.${id}.help`)}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>

      <div className="field">
        <label htmlFor={`${ids}-locale`}>{t('start.templateLanguage')}</label>
        <select id={`${ids}-locale`} value={locale} onChange={(e) => setLocale(e.target.value as Locale)}>
          {LOCALES.map((l) => (
            <option key={l} value={l} lang={l}>
              {t(`app.languages.${l}`)}
            </option>
          ))}
        </select>
      </div>

      <div className="field">
        <label htmlFor={`${ids}-title`}>{t('start.title')}</label>
        <input
          id={`${ids}-title`}
          value={title}
          maxLength={LIMITS.boardTitle}
          placeholder={TEMPLATES[template].text[locale].title}
          aria-describedby={`${ids}-title-hint`}
          onChange={(e) => setTitle(e.target.value)}
        />
        <p id={`${ids}-title-hint`} className="hint">
          {t('start.titleHint')}
        </p>
      </div>

      <div className="field">
        <label htmlFor={`${ids}-description`}>{t('start.description')}</label>
        <textarea
          id={`${ids}-description`}
          value={description}
          rows={3}
          maxLength={LIMITS.boardDescription}
          aria-describedby={`${ids}-description-hint`}
          onChange={(e) => setDescription(e.target.value)}
        />
        <p id={`${ids}-description-hint`} className="hint">
          {t('start.descriptionHint')}
        </p>
      </div>

      <ErrorText message={error} />
      <button type="submit" className="button button--primary" disabled={busy}>
        {busy ? t('start.creating') : t('start.create')}
      </button>
    </form>
  );
}
