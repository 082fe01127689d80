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

/**
 * The fixed `t` with its plain lookups remembered: a note's mount calls t(key) with no
 * options dozens of times (labels, button names), and each call walks i18next's resolver
 * (key parsing, fallbacks, post-processing) for the same answer. Resources are bundled and
 * never change while a language is set; a language switch makes a new `t` and cache.
 */
function remembering(t: TFunction): TFunction {
  const plain = new Map<string, unknown>();
  const call = t as unknown as (...args: unknown[]) => unknown;
  const cached = (...args: unknown[]): unknown => {
    const key = args[0];
    if (args.length !== 1 || typeof key !== 'string') return call(...args);
    if (!plain.has(key)) plain.set(key, call(key));
    return plain.get(key);
  };
  return Object.assign(cached, t) as unknown as TFunction;
}

let current: TFunction = remembering(i18n.getFixedT(null, 'translation'));
const listeners = new Set<() => void>();

i18n.on('languageChanged', () => {
  current = remembering(i18n.getFixedT(null, 'translation'));
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
