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

/** Calls with options remembered at most this many (counts and names vary); then the memory starts over. */
const MAX_WITH_OPTIONS = 2000;

/** A cache key for options of plain values (count, name, …), or null for anything else. */
function optionsKey(options: unknown): string | null {
  if (typeof options !== 'object' || options === null || Object.getPrototypeOf(options) !== Object.prototype) return null;
  let key = '';
  for (const [name, value] of Object.entries(options)) {
    const kind = typeof value;
    if (kind !== 'string' && kind !== 'number' && kind !== 'boolean') return null;
    // JSON-quoted, so no name or value (a person's name) can make two different calls' keys equal.
    key += `,${JSON.stringify(name)}:${kind === 'string' ? JSON.stringify(value) : `${kind[0]}${String(value)}`}`;
  }
  return key;
}

/**
 * The fixed `t` with its answers remembered: a note's mount calls t(key) dozens of times
 * (labels, button names, "by <name>", counts), and each call walks i18next's resolver (key
 * parsing, fallbacks, interpolation, plurals) for the same answer; a remote move re-renders
 * the board's group headings, a few dozen more. Resources are bundled and never change
 * while a language is set; a language switch makes a new `t` and cache. Calls whose
 * options are plain values (strings, numbers, booleans) are remembered by key and options,
 * at most MAX_WITH_OPTIONS of them; anything else (objects, arrays, functions) is not.
 */
function remembering(t: TFunction): TFunction {
  const plain = new Map<string, unknown>();
  let withOptions = new Map<string, unknown>();
  const call = t as unknown as (...args: unknown[]) => unknown;
  const cached = (...args: unknown[]): unknown => {
    const key = args[0];
    if (typeof key !== 'string' || args.length > 2) return call(...args);
    if (args.length === 1) {
      if (!plain.has(key)) plain.set(key, call(key));
      return plain.get(key);
    }
    const options = optionsKey(args[1]);
    if (options === null) return call(...args);
    const full = key + options;
    if (withOptions.has(full)) return withOptions.get(full);
    const answer = call(...args);
    if (withOptions.size >= MAX_WITH_OPTIONS) withOptions = new Map();
    withOptions.set(full, answer);
    return answer;
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
