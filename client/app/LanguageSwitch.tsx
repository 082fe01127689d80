import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES } from '../../shared';
import { currentLocale } from '../i18n';

/** A plain select: works with keyboard and screen readers without any extra code. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const id = useId();
  return (
    <div className="language">
      {/* A label beside (not around) the select, so its name is just "Language". */}
      <label htmlFor={id} className="language__label">
        {t('app.language')}
      </label>
      <select id={id} value={currentLocale()} onChange={(e) => void i18n.changeLanguage(e.target.value)}>
        {LOCALES.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {t(`app.languages.${locale}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
