import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  ErrorCode,
  LIMITS,
  ROOT,
  STEPS,
  STEP_RULES,
  ideasMap,
  insertIdea,
  readBoardSettings,
  readWorkshop,
  removedMap,
  workshopMap,
  type IdeaInput,
} from '../../shared';
import { InspectionError } from '../../server/realtime/inspection';
import { inspectUpdate } from '../../server/realtime/update-inspector';
import { authorizeChanges, type PolicyContext, type Principal } from '../../server/realtime/update-policy';
import { ideaBy, principal, seedUpdate } from '../room/support';

/**
 * docs/PROTOCOL.md §8, rule by rule, each at least once allowed and once refused: an update
 * is read by inspectUpdate against the server's document and judged by authorizeChanges,
 * with the context BoardRoom gives it. Pure functions, no room, no store, no port.
 */

const alice = principal('alice0001');
const bob = principal('bob000001');
const lead = principal('lead00001', 'facilitator');
const watcher = principal('watch0001', 'observer');

/** The server's board: settings, Alice's idea in question 1, Bob's in question 2, one removed id. */
function serverDoc(setup?: (doc: Y.Doc) => void): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, seedUpdate());
  insertIdea(doc, ideaBy(alice, 'idea0001'));
  insertIdea(doc, ideaBy(bob, 'idea0002', { questionId: 'question2' }));
  removedMap(doc).set('gone0001', { at: 1 });
  setup?.(doc);
  return doc;
}

/** The update a device holding the server's state makes with `change` (one transaction). */
function updateFrom(server: Y.Doc, change: (doc: Y.Doc) => void): Uint8Array {
  const device = new Y.Doc();
  Y.applyUpdate(device, Y.encodeStateAsUpdate(server));
  const updates: Uint8Array[] = [];
  device.on('update', (update: Uint8Array, _o: unknown, _d: Y.Doc, tr: Y.Transaction) => tr.local && updates.push(update));
  device.transact(() => change(device));
  return Y.mergeUpdates(updates);
}

/** inspect → authorise, as BoardRoom does: the refusal's code, or null when accepted. */
function judge(server: Y.Doc, update: Uint8Array, actor: Principal, context: Partial<PolicyContext> = {}): string | null {
  let inspection;
  try {
    inspection = inspectUpdate(server, update);
  } catch (error) {
    if (error instanceof InspectionError) return error.code;
    throw error;
  }
  if (inspection.noop) return null;
  const settings = readBoardSettings(server);
  const ideas = ideasMap(server);
  const ctx: PolicyContext = {
    ideaCount: ideas.size,
    beaconIds: new Set(settings?.beacons.map((b) => b.id)),
    questionIds: new Set(settings?.questions.map((q) => q.id)),
    workshop: readWorkshop(server),
    focusQuestionId: settings?.focusQuestionId ?? null,
    questionOf: (id) => ideas.get(id)?.get('questionId'),
    isRemoved: (id) => removedMap(server).has(id),
    reservedAuthor: () => undefined,
    ...context,
  };
  return authorizeChanges(inspection.changes, actor, ctx)?.code ?? null;
}

interface Case {
  rule: string;
  actor: Principal;
  change: (doc: Y.Doc) => void;
  setup?: (server: Y.Doc) => void;
  context?: Partial<PolicyContext>;
  expected: string | null;
}

const add = (author: Principal, id: string, overrides: Partial<IdeaInput> = {}) => (doc: Y.Doc) => insertIdea(doc, ideaBy(author, id, overrides));
const setField = (id: string, field: string, value: unknown) => (doc: Y.Doc) => ideasMap(doc).get(id)!.set(field, value);
/** A new idea written field by field, without `field` (or with it replaced). */
const addRaw = (author: Principal, id: string, edit: (fields: Record<string, unknown>) => void) => (doc: Y.Doc) => {
  const fields: Record<string, unknown> = { ...ideaBy(author, id) };
  edit(fields);
  const map = new Y.Map<unknown>();
  for (const [k, v] of Object.entries(fields)) map.set(k, v);
  ideasMap(doc).set(id, map);
};
const workshop = (patch: Record<string, unknown>) => (server: Y.Doc) => {
  for (const [k, v] of Object.entries(patch)) workshopMap(server).set(k, v);
};

const cases: Case[] = [
  // Who may write
  { rule: 'observers write nothing', actor: watcher, change: add(watcher, 'idea0100'), expected: ErrorCode.READ_ONLY },
  { rule: 'a participant may write', actor: alice, change: add(alice, 'idea0100'), expected: null },
  ...[...Object.values(ROOT)].filter((r) => r !== ROOT.ideas).flatMap((root): Case[] => [
    { rule: `"${root}" is the server's (participant)`, actor: alice, change: (doc) => doc.getMap(root).set('x', 1), expected: ErrorCode.FORBIDDEN },
    { rule: `"${root}" is the server's (facilitator)`, actor: lead, change: (doc) => doc.getMap(root).set('x', 1), expected: ErrorCode.FORBIDDEN },
  ]),
  { rule: 'deleting in a server root is refused too', actor: lead, change: (doc) => removedMap(doc).delete('gone0001'), expected: ErrorCode.FORBIDDEN },
  { rule: 'no other roots', actor: lead, change: (doc) => doc.getMap('mine').set('x', 1), expected: ErrorCode.FORBIDDEN_FIELD },

  // Creating an idea
  { rule: 'a new idea needs every required field', actor: alice, change: addRaw(alice, 'idea0100', (f) => delete f.position), expected: ErrorCode.VALIDATION_FAILED },
  { rule: 'clusterId may be left out', actor: alice, change: addRaw(alice, 'idea0100', (f) => delete f.clusterId), expected: null },
  { rule: 'fields must be valid', actor: alice, change: add(alice, 'idea0100', { text: '   ' }), expected: ErrorCode.VALIDATION_FAILED },
  { rule: 'id equals the key', actor: alice, change: addRaw(alice, 'idea0100', (f) => (f.id = 'idea0101')), expected: ErrorCode.VALIDATION_FAILED },
  { rule: 'authorId is the sender', actor: alice, change: add(bob, 'idea0100'), expected: ErrorCode.NOT_OWNER },
  { rule: 'identity fields are the session’s', actor: alice, change: add(alice, 'idea0100', { authorName: 'Someone else' }), expected: ErrorCode.NOT_OWNER },
  { rule: 'an author may be anonymous only as the session says', actor: principal('anon00001', 'participant', null), change: add(principal('anon00001', 'participant', null), 'idea0100'), expected: null },
  { rule: 'a removed id never comes back (participant)', actor: alice, change: add(alice, 'gone0001'), expected: ErrorCode.IDEA_REMOVED },
  { rule: 'a silent or queued idea\u2019s id is its author\u2019s (another participant)', actor: alice, change: add(alice, 'idea0100'), context: { reservedAuthor: (id) => (id === 'idea0100' ? bob.participantId : undefined) }, expected: ErrorCode.IDEA_ID_TAKEN },
  { rule: 'a silent or queued idea\u2019s id is its author\u2019s (a facilitator)', actor: lead, change: add(lead, 'idea0100'), context: { reservedAuthor: (id) => (id === 'idea0100' ? bob.participantId : undefined) }, expected: ErrorCode.IDEA_ID_TAKEN },
  { rule: 'a silent or queued idea\u2019s author may write its id', actor: bob, change: add(bob, 'idea0100'), context: { reservedAuthor: (id) => (id === 'idea0100' ? bob.participantId : undefined) }, expected: null },
  { rule: 'a removed id never comes back (facilitator)', actor: lead, change: add(lead, 'gone0001'), expected: ErrorCode.IDEA_REMOVED },
  { rule: 'the board holds at most 25,000 ideas', actor: alice, change: add(alice, 'idea0100'), context: { ideaCount: LIMITS.ideasPerBoard }, expected: ErrorCode.BOARD_FULL },
  { rule: 'the last idea that fits', actor: alice, change: add(alice, 'idea0100'), context: { ideaCount: LIMITS.ideasPerBoard - 1 }, expected: null },
  { rule: 'only the board’s beacons', actor: alice, change: add(alice, 'idea0100', { beacons: ['nosuchbeacon'] }), expected: ErrorCode.VALIDATION_FAILED },
  { rule: 'the board’s beacons', actor: alice, change: add(alice, 'idea0100', { beacons: ['beacon01'] }), expected: null },
  { rule: 'only the board’s questions', actor: alice, change: add(alice, 'idea0100', { questionId: 'question9' }), expected: ErrorCode.VALIDATION_FAILED },

  // Changing an idea
  ...(['id', 'authorId', 'createdAt'] as const).map((field): Case => ({ rule: `"${field}" never changes`, actor: lead, change: setField('idea0001', field, field === 'createdAt' ? 2 : 'other0001'), expected: ErrorCode.FORBIDDEN_FIELD })),
  { rule: 'the author edits the text', actor: alice, change: setField('idea0001', 'text', 'Ny'), expected: null },
  { rule: 'a facilitator edits the text', actor: lead, change: setField('idea0001', 'text', 'Ny'), expected: null },
  { rule: 'another participant does not', actor: bob, change: setField('idea0001', 'text', 'Ny'), expected: ErrorCode.NOT_OWNER },
  { rule: 'the author restates only the session’s name', actor: alice, change: setField('idea0001', 'authorName', 'Fake'), expected: ErrorCode.NOT_OWNER },
  { rule: 'the author may restate it', actor: alice, change: setField('idea0001', 'authorName', alice.displayName), expected: null },
  { rule: 'a facilitator may anonymise', actor: lead, change: setField('idea0001', 'authorName', null), expected: null },
  { rule: 'anyone who writes moves ideas', actor: bob, change: setField('idea0001', 'position', 'b0'), expected: null },
  { rule: 'placement values must be valid', actor: bob, change: setField('idea0001', 'phase', 7), expected: ErrorCode.VALIDATION_FAILED },
  { rule: 'only the 15 known fields', actor: lead, change: setField('idea0001', 'colour', 'red'), expected: ErrorCode.FORBIDDEN_FIELD },
  { rule: 'no field is removed', actor: lead, change: (doc) => ideasMap(doc).get('idea0001')!.delete('phase'), expected: ErrorCode.FORBIDDEN_FIELD },

  // Deleting an idea
  { rule: 'the author deletes', actor: alice, change: (doc) => ideasMap(doc).delete('idea0001'), expected: null },
  { rule: 'a facilitator deletes', actor: lead, change: (doc) => ideasMap(doc).delete('idea0001'), expected: null },
  { rule: 'another participant does not', actor: bob, change: (doc) => ideasMap(doc).delete('idea0001'), expected: ErrorCode.NOT_OWNER },

  // Step permissions: lock and silent writing
  { rule: 'locked: participants change nothing', actor: alice, setup: workshop({ locked: true }), change: setField('idea0001', 'position', 'b0'), expected: ErrorCode.BOARD_LOCKED },
  { rule: 'locked: facilitators still write', actor: lead, setup: workshop({ locked: true }), change: setField('idea0001', 'position', 'b0'), expected: null },
  { rule: 'silent: no new ideas in the document', actor: alice, setup: workshop({ silent: true }), change: add(alice, 'idea0100'), expected: ErrorCode.SILENT_WRITING },
  { rule: 'silent: editing is unaffected', actor: alice, setup: workshop({ silent: true }), change: setField('idea0001', 'text', 'Ny'), expected: null },
  { rule: 'silent: facilitators still add', actor: lead, setup: workshop({ silent: true }), change: add(lead, 'idea0100'), expected: null },

  // Step permissions: the step table, for participants (facilitators skip it)
  ...STEPS.flatMap((step): Case[] => {
    const rule = STEP_RULES[step];
    const setup = workshop({ steps: { question1: step } });
    const code = (allowed: boolean) => (allowed ? null : ErrorCode.STEP_FORBIDS);
    return [
      { rule: `${step}: add`, actor: alice, setup, change: add(alice, 'idea0100'), expected: code(rule.add) },
      { rule: `${step}: add with no question (the focus question’s step)`, actor: alice, setup, change: add(alice, 'idea0100', { questionId: null }), expected: code(rule.add) },
      { rule: `${step}: edit own`, actor: alice, setup, change: setField('idea0001', 'text', 'Ny'), expected: code(rule.edit) },
      { rule: `${step}: move`, actor: alice, setup, change: setField('idea0001', 'position', 'b0'), expected: code(rule.move) },
      { rule: `${step}: delete own`, actor: alice, setup, change: (doc) => ideasMap(doc).delete('idea0001'), expected: code(rule.delete) },
      { rule: `${step}: a facilitator does anything`, actor: lead, setup, change: (doc) => ideasMap(doc).delete('idea0001'), expected: null },
    ];
  }),
  { rule: 'moving to a question needs its step to allow moving', actor: bob, setup: workshop({ steps: { question1: 'vote' } }), change: setField('idea0002', 'questionId', 'question1'), expected: ErrorCode.STEP_FORBIDS },
  { rule: 'moving to a question whose step allows it', actor: bob, setup: workshop({ steps: { question1: 'group' } }), change: setField('idea0002', 'questionId', 'question1'), expected: null },
  { rule: 'the step of the idea’s current question counts', actor: bob, setup: workshop({ steps: { question2: 'results' } }), change: setField('idea0002', 'questionId', 'question1'), expected: ErrorCode.STEP_FORBIDS },

  // Shapes
  { rule: 'no Y.Array', actor: lead, change: (doc) => ideasMap(doc).get('idea0001')!.set('beacons', Y.Array.from(['beacon01'])), expected: ErrorCode.INVALID_UPDATE },
  { rule: 'no Y.Text', actor: lead, change: (doc) => ideasMap(doc).get('idea0001')!.set('text', new Y.Text('x')), expected: ErrorCode.INVALID_UPDATE },
  { rule: 'no nested types inside an idea', actor: lead, change: (doc) => ideasMap(doc).get('idea0001')!.set('text', new Y.Map()), expected: ErrorCode.INVALID_UPDATE },
  { rule: 'no binary values', actor: lead, change: setField('idea0001', 'text', new Uint8Array([1, 2])), expected: ErrorCode.INVALID_UPDATE },
  { rule: 'no list roots', actor: lead, change: (doc) => doc.getArray('ideas2').push([1, 2]), expected: ErrorCode.INVALID_UPDATE },
];

describe('write rules (PROTOCOL.md §8): inspectUpdate → authorizeChanges', () => {
  it.each(cases.map((c) => [`${c.rule} → ${c.expected ?? 'accepted'}`, c] as const))('%s', (_name, c) => {
    const server = serverDoc(c.setup);
    expect(judge(server, updateFrom(server, c.change), c.actor, c.context)).toBe(c.expected);
  });

  it('takes a write to an idea that is already deleted as a harmless no-op, from anyone', () => {
    const server = serverDoc();
    const device = new Y.Doc();
    Y.applyUpdate(device, Y.encodeStateAsUpdate(server));
    ideasMap(server).delete('idea0001');
    const updates: Uint8Array[] = [];
    device.on('update', (u: Uint8Array) => updates.push(u));
    ideasMap(device).get('idea0001')!.set('text', 'For sent');
    expect(judge(server, updates[0]!, bob)).toBeNull();
    expect(judge(server, updates[0]!, alice)).toBeNull();
  });

  it('accepts an update with nothing new from anyone, observers included', () => {
    const server = serverDoc();
    const old = Y.encodeStateAsUpdate(server);
    expect(judge(server, old, watcher)).toBeNull();
    expect(judge(server, old, bob)).toBeNull();
  });

  // A v2 update once read as an empty v1 update (its first byte, 0, is "no structs") and was
  // acknowledged without being applied; the strict decoder (strict-update.ts) refuses it.
  it('refuses a Yjs v2 update (INVALID_UPDATE)', () => {
    const server = serverDoc();
    const device = new Y.Doc();
    Y.applyUpdate(device, Y.encodeStateAsUpdate(server));
    insertIdea(device, ideaBy(alice, 'idea0100'));
    expect(judge(server, Y.encodeStateAsUpdateV2(device, Y.encodeStateVector(server)), alice)).toBe(ErrorCode.INVALID_UPDATE);
  });

  it('refuses Skip structs, as Y.mergeUpdates makes for a gap (INVALID_UPDATE)', () => {
    const server = serverDoc();
    const device = new Y.Doc();
    Y.applyUpdate(device, Y.encodeStateAsUpdate(server));
    const updates: Uint8Array[] = [];
    device.on('update', (u: Uint8Array) => updates.push(u));
    for (const id of ['idea0101', 'idea0102', 'idea0103']) insertIdea(device, ideaBy(alice, id));
    Y.applyUpdate(server, updates[0]!);
    const gapped = Y.mergeUpdates([updates[0]!, updates[2]!]);
    expect(judge(server, gapped, alice)).toBe(ErrorCode.INVALID_UPDATE);
    expect(judge(server, Y.mergeUpdates([updates[1]!, updates[2]!]), alice)).toBeNull();
  });

  it('refuses what builds on state the server lacks (MISSING_DEPENDENCY), accepting it in order', () => {
    const server = serverDoc();
    const device = new Y.Doc();
    Y.applyUpdate(device, Y.encodeStateAsUpdate(server));
    const updates: Uint8Array[] = [];
    device.on('update', (u: Uint8Array) => updates.push(u));
    insertIdea(device, ideaBy(alice, 'idea0100'));
    device.transact(() => ideasMap(device).get('idea0100')!.set('text', 'Anden udgave'));
    expect(judge(server, updates[1]!, alice)).toBe(ErrorCode.MISSING_DEPENDENCY);
    expect(judge(server, updates[0]!, alice)).toBeNull();
  });
});
