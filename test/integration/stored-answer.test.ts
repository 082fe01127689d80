import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { ROOT } from '../../shared';
import { prepareStoredAnswer } from '../../server/realtime/stored-answer';
import { storedBoard } from '../support/random-board';

/** The updates inside the answer's sync messages, in order. */
function payloads(messages: Uint8Array[]): Uint8Array[] {
  return messages.map((message) => {
    const decoder = decoding.createDecoder(message);
    decoding.readVarUint(decoder);
    decoding.readVarUint(decoder);
    return decoding.readVarUint8Array(decoder);
  });
}

const contents = (doc: Y.Doc) => Object.fromEntries(Object.values(ROOT).map((name) => [name, doc.getMap(name).toJSON()]));
const clocks = (doc: Y.Doc) => [...Y.decodeStateVector(Y.encodeStateVector(doc))].sort((a, b) => a[0] - b[0]);

describe('the stored state a new device is answered with', () => {
  it('is the stored board with no deleted content, and says exactly what it holds', () => {
    for (let seed = 1; seed <= 25; seed++) {
      const { stored, server, written } = storedBoard(seed);
      const answer = prepareStoredAnswer(stored);
      const device = new Y.Doc();
      for (const update of payloads(answer.messages)) Y.applyUpdate(device, update);
      expect(contents(device)).toEqual(contents(server));
      expect(clocks(device)).toEqual(clocks(server));
      expect(Y.decodeStateVector(answer.stateVector)).toEqual(Y.decodeStateVector(Y.encodeStateVector(server)));
      const bytes = Buffer.concat(answer.messages);
      const visible = JSON.stringify(contents(server));
      const gone = written.filter((text) => !visible.includes(text));
      expect(gone.length).toBeGreaterThan(0);
      for (const text of gone) expect(bytes.includes(text), `${text} (seed ${seed})`).toBe(false);
      expect(answer.messages.length).toBe((stored.snapshot ? 1 : 0) + stored.updates.length);
      // Updates only: the sync step 2 that makes y-websocket "synced" comes from the loaded room.
      expect(answer.messages.every((message) => message[0] === 0 && message[1] === 2)).toBe(true);
    }
  });

  it('cuts a large stored update into pieces that apply in order, nothing waiting in between, with no deleted content', () => {
    for (let seed = 30; seed <= 45; seed++) {
      const { stored, server, written } = storedBoard(seed);
      const whole = prepareStoredAnswer(stored);
      const answer = prepareStoredAnswer(stored, 1500);
      expect(answer.messages.length).toBeGreaterThan(whole.messages.length);
      const device = new Y.Doc();
      for (const update of payloads(answer.messages)) {
        expect(update.length).toBeLessThanOrEqual(1500);
        Y.applyUpdate(device, update);
        expect(device.store.pendingStructs).toBeNull();
        expect(device.store.pendingDs).toBeNull();
      }
      expect(contents(device)).toEqual(contents(server));
      expect(clocks(device)).toEqual(clocks(server));
      expect(answer.stateVector).toEqual(whole.stateVector);
      expect(answer.messages.every((message) => message[0] === 0 && message[1] === 2)).toBe(true);
      const bytes = Buffer.concat(answer.messages);
      const visible = JSON.stringify(contents(server));
      for (const text of written.filter((t) => !visible.includes(t))) expect(bytes.includes(text), `${text} (seed ${seed})`).toBe(false);
    }
  });

  it('has nothing to send ahead for an empty board', () => {
    const answer = prepareStoredAnswer({ snapshot: null, updates: [] });
    expect(answer.messages).toEqual([]);
    expect(Y.decodeStateVector(answer.stateVector).size).toBe(0);
  });

  it('refuses what it cannot redact exactly (part of an item deleted), so the room answers instead', () => {
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    doc.getArray('ideas').insert(0, ['a', 'b', 'c']);
    doc.getArray('ideas').delete(1, 1);
    expect(() => prepareStoredAnswer({ snapshot: null, updates })).toThrow();
  });

  it('reads content it does not expect on a board (text, binary, JSON, nested types) without losing its place', () => {
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    doc.getText('t').insert(0, 'hæ😀llo');
    const map = doc.getMap('m');
    map.set('bin', new Uint8Array([1, 2, 3]));
    map.set('nested', new Y.Map());
    map.set('any', { a: [1, 2.5, -7, 2 ** 40, null, true, 'x'], b: undefined });
    doc.getXmlFragment('x').insert(0, [new Y.XmlElement('p')]);
    map.set('bin', 'gone');
    doc.getText('t').delete(0, doc.getText('t').length);
    const answer = prepareStoredAnswer({ snapshot: null, updates });
    const device = new Y.Doc();
    for (const update of payloads(answer.messages)) Y.applyUpdate(device, update);
    expect(device.getText('t').toString()).toBe('');
    expect(device.getMap('m').toJSON()).toEqual(map.toJSON());
    expect(Buffer.concat(answer.messages).includes('hæ')).toBe(false);
    expect(Y.decodeStateVector(answer.stateVector)).toEqual(Y.decodeStateVector(Y.encodeStateVector(doc)));
  });
});
