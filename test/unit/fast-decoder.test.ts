import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { applyUpdate, readAnyFast, readKeyFast, readVarStringFast } from '../../client/sync/fast-decoder';
import { ideasMap, insertIdea } from '../../shared';
import { sampleIdea } from './idea-fixture';

/**
 * The browser applies the server's updates with a decoder that reads short ASCII strings
 * without TextDecoder (client/sync/fast-decoder.ts). It must read exactly what lib0 reads,
 * leave the decoder where lib0 leaves it, and so build the same document.
 */

/** Strings around every boundary the fast paths have: empty, short and long, ASCII and not. */
const text = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({ unit: fc.constantFrom('a', 'Z', '0', 'æ', 'ø', 'å', '€', '😀', '\u0000', '\u007f', '\u0080', '\ufeff'), maxLength: 70 }),
  fc.constantFrom('', 'text', 'x'.repeat(16), 'x'.repeat(17), 'y'.repeat(48), 'y'.repeat(49), 'æ'.repeat(8), '\ufeffkey'),
);

/** Values lib0 writes (bigint included); a Y.Map holds all but bigint. */
const values = (bigint: boolean): fc.Arbitrary<unknown> =>
  fc.letrec((tie) => ({
    any: fc.oneof(
      { depthSize: 'small' },
      text,
      fc.integer(),
      fc.double({ noNaN: true }),
      fc.float({ noNaN: true }),
      bigint ? fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }) : fc.constant(true),
      fc.boolean(),
      fc.constant(null),
      fc.uint8Array({ maxLength: 8 }),
      fc.array(tie('any'), { maxLength: 4 }),
      fc.dictionary(text, tie('any'), { maxKeys: 4, noNullPrototype: true }),
    ),
  })).any;
const value = values(true);

function written(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

describe('the fast Yjs decoder', () => {
  it('reads every string as lib0 does and stops where lib0 stops', () => {
    fc.assert(
      fc.property(fc.array(text, { maxLength: 30 }), (strings) => {
        const bytes = written((e) => strings.forEach((s) => encoding.writeVarString(e, s)));
        const lib0 = decoding.createDecoder(bytes);
        const asString = decoding.createDecoder(bytes);
        const asKey = decoding.createDecoder(bytes);
        for (const s of strings) {
          const expected = decoding.readVarString(lib0);
          expect(expected).toBe(s);
          expect(readVarStringFast(asString)).toBe(expected);
          expect(readKeyFast(asKey)).toBe(expected);
          expect(asString.pos).toBe(lib0.pos);
          expect(asKey.pos).toBe(lib0.pos);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps keys apart whose bytes hash alike, and past its cache size', () => {
    // Two ASCII strings with the same hash (31·'A' + 'a' = 31·'B' + 'B'), then more keys than the cache keeps.
    const keys = ['Aa', 'BB', 'Aa', 'BB', ...Array.from({ length: 3000 }, (_, i) => `k${i}`), 'Aa', 'BB'];
    const decoder = decoding.createDecoder(written((e) => keys.forEach((k) => encoding.writeVarString(e, k))));
    for (const key of keys) expect(readKeyFast(decoder)).toBe(key);
  });

  it('reads every value as lib0 does', () => {
    fc.assert(
      fc.property(fc.array(value, { maxLength: 6 }), (values) => {
        const bytes = written((e) => values.forEach((v) => encoding.writeAny(e, v as never)));
        const lib0 = decoding.createDecoder(bytes);
        const fast = decoding.createDecoder(bytes);
        for (let i = 0; i < values.length; i++) {
          expect(readAnyFast(fast)).toEqual(decoding.readAny(lib0));
          expect(fast.pos).toBe(lib0.pos);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('fails on truncated input as lib0 does, and on an unknown value tag', () => {
    const bytes = written((e) => encoding.writeVarString(e, 'position'));
    expect(() => decoding.readVarString(decoding.createDecoder(bytes.subarray(0, 4)))).toThrow();
    expect(() => readVarStringFast(decoding.createDecoder(bytes.subarray(0, 4)))).toThrow();
    expect(() => readKeyFast(decoding.createDecoder(bytes.subarray(0, 4)))).toThrow();
    expect(() => readAnyFast(decoding.createDecoder(new Uint8Array([3])))).toThrow(TypeError);
  });

  it('builds the same document as Y.applyUpdate from random edits by several clients', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            client: fc.integer({ min: 0, max: 2 }),
            kind: fc.constantFrom('set', 'delete', 'text', 'array'),
            key: text,
            value: values(false),
          }),
          { minLength: 1, maxLength: 40 },
        ),
        (edits) => {
          const docs = [new Y.Doc(), new Y.Doc(), new Y.Doc()];
          for (const edit of edits) {
            const doc = docs[edit.client] as Y.Doc;
            const map = doc.getMap('m');
            if (edit.kind === 'set') map.set(edit.key, edit.value);
            else if (edit.kind === 'delete') map.delete(map.has(edit.key) ? edit.key : ([...map.keys()][0] ?? edit.key));
            else if (edit.kind === 'text') {
              const t = doc.getText('t');
              t.insert(Math.min(t.length, edit.key.length), edit.key);
              if (t.length > 3) t.delete(1, 1);
            } else doc.getArray('a').push([edit.value, edit.key]);
            // Exchange now and then, so items refer to other clients' items.
            if (edit.key.length % 3 === 0) for (const other of docs) if (other !== doc) Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
          }
          const update = Y.mergeUpdates(docs.map((d) => Y.encodeStateAsUpdate(d)));
          const plain = new Y.Doc();
          Y.applyUpdate(plain, update);
          const fast = new Y.Doc();
          applyUpdate(fast, update);
          expect(fast.getMap('m').toJSON()).toEqual(plain.getMap('m').toJSON());
          expect(fast.getText('t').toString()).toBe(plain.getText('t').toString());
          expect(fast.getArray('a').toJSON()).toEqual(plain.getArray('a').toJSON());
          expect(Y.encodeStateAsUpdate(fast)).toEqual(Y.encodeStateAsUpdate(plain));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('applies a board of ideas, in pieces, to the same document and with the origin given', () => {
    const source = new Y.Doc();
    const pieces: Uint8Array[] = [];
    source.on('update', (update: Uint8Array) => pieces.push(update));
    for (let i = 0; i < 200; i++) insertIdea(source, sampleIdea({ text: i % 2 ? `Idé nr. ${i} om grønne stier` : `idea ${i}` }));
    const plain = new Y.Doc();
    const fast = new Y.Doc();
    const origins: unknown[] = [];
    fast.on('afterTransaction', (t: Y.Transaction) => origins.push(t.origin));
    for (const piece of pieces) {
      Y.applyUpdate(plain, piece);
      applyUpdate(fast, piece, 'server');
    }
    expect(ideasMap(fast).toJSON()).toEqual(ideasMap(plain).toJSON());
    expect(Y.encodeStateAsUpdate(fast)).toEqual(Y.encodeStateAsUpdate(plain));
    expect(new Set(origins)).toEqual(new Set(['server']));
  });
});
