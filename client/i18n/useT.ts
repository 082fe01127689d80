import { useSyncExternalStore } from 'react';
import type { TFunction } from 'i18next';
import { i18n } from './index';

/*
 * react-i18next's useTranslation costs real time per mount: it binds its own language
 * listeners, builds a fixed `t` and copies the i18n instance's property descriptors. Once
 * per screen that is nothing; once per component per note it was most of a large board's
 * first render (bench/ANALYSIS.md, section 8). Components rendered once per idea use this
 * instead: one shared `t`, replaced when the language changes, one listener set for all.
 */

let current: TFunction = i18n.getFixedT(null, 'translation');
const listeners = new Set<() => void>();

i18n.on('languageChanged', () => {
  current = i18n.getFixedT(null, 'translation');
  for (const listener of listeners) listener();
});

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const snapshot = () => current;

/** The translation function, for components rendered once per idea (re-renders on a language switch). */
export function useT(): TFunction {
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}
