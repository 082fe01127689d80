import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LOCALES, localeSchema, type Locale } from '../../shared';
import { da } from './da';
import { en } from './en';

const STORAGE_KEY = 'samskab.locale';

/** Danish by default (the municipality's language); a choice made once is remembered. */
function initialLocale(): Locale {
  try {
    const parsed = localeSchema.safeParse(localStorage.getItem(STORAGE_KEY));
    if (parsed.success) return parsed.data;
  } catch {
    // localStorage can be unavailable (private mode); fall back to the default.
  }
  return 'da';
}

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: { da: { translation: da }, en: { translation: en } },
  lng: initialLocale(),
  fallbackLng: 'da',
  supportedLngs: [...LOCALES],
  // React escapes output itself.
  interpolation: { escapeValue: false },
  // Resources are bundled, so there is nothing to wait for.
  initAsync: false,
});

function applyLang(lng: string): void {
  document.documentElement.lang = lng;
}
applyLang(i18n.language);
i18n.on('languageChanged', (lng) => {
  applyLang(lng);
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // Not remembered; the switch still applies to this page.
  }
});

export function currentLocale(): Locale {
  const parsed = localeSchema.safeParse(i18n.language);
  return parsed.success ? parsed.data : 'da';
}
