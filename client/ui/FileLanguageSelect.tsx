import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '../../shared';

/** The language a downloaded file is written in (the board's exports, the coordinator's): each language in its own name. */
export function FileLanguageSelect({ id, label, value, onChange }: { id: string; label: string; value: Locale; onChange: (lang: Locale) => void }) {
  const { t } = useTranslation();
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(LOCALES.find((l) => l === e.target.value) ?? 'da')}>
        {LOCALES.map((lang) => (
          <option key={lang} value={lang} lang={lang}>
            {t(`app.languages.${lang}`)}
          </option>
        ))}
      </select>
    </>
  );
}
