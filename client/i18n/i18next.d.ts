import 'i18next';
import type { Messages } from './da';

// Typed keys: t('…') with a key missing from the Danish messages is a compile error.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}
