import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ErrorCode,
  ideasMap,
  readClusters,
  readIdea,
  readIdeaHistory,
  readVoteTotals,
  type Cluster,
  type MergeResult,
  type MyVotes,
} from '../../shared';
import { eventually } from '../support/harness';
import { call, ok, refusal, setStep, workshopEnv, type WorkshopEnv } from '../support/workshop';

describe('clusters and merging duplicates', () => {
  let env: WorkshopEnv;
  beforeAll(async () => {
    env = await workshopEnv('embedded', null);
  });
  afterAll(() => env.close());

  async function scene() {
    const board = await env.board('kickoff');
    const lead = await env.session(board, 'facilitator', 'Lead');
    const leadSocket = await env.socket(lead);
    const leadDoc = await env.yjs(lead);
    const aneSession = await env.session(board, 'participant', 'Ane');
    const boSession = await env.session(board, 'participant', 'Bo');
    const ane = await env.yjs(aneSession);
    const bo = await env.yjs(boSession);
    return { board, lead, leadSocket, leadDoc, ane, bo, aneSession, boSession };
  }

  it('creates, renames and deletes named clusters; deleting leaves the ideas outside any cluster', async () => {
    const { leadSocket, leadDoc, ane, aneSession } = await scene();
    const cluster = await ok(call<Cluster>(leadSocket, 'cluster:create', { name: '  Trafik  ' }));
    expect(cluster).toMatchObject({ name: 'Trafik', questionId: 'kickoff-q1' });
    const other = await ok(call<Cluster>(leadSocket, 'cluster:create', { name: 'Uden spørgsmål', questionId: null }));
    expect(other.questionId).toBeNull();
    await eventually(() => readClusters(ane.doc).length === 2, 10_000, 'clusters seen');
    expect(await ok(call<Cluster>(leadSocket, 'cluster:rename', { clusterId: cluster.id, name: 'Trafik og cykler' }))).toMatchObject({ name: 'Trafik og cykler' });

    const idea = ane.addIdea({ text: 'Cykelsti', questionId: 'kickoff-q1', clusterId: cluster.id });
    await eventually(() => ane.allSaved && ideasMap(leadDoc.doc).has(idea.id), 10_000, 'idea');
    expect(await ok(call(leadSocket, 'cluster:delete', { clusterId: cluster.id }))).toEqual({ clusterId: cluster.id });
    await eventually(() => readClusters(ane.doc).length === 1, 10_000, 'cluster gone');
    expect(readIdea(ideasMap(ane.doc).get(idea.id)!)?.clusterId).toBeNull();

    const aneSocket = await env.socket(aneSession);
    expect(await refusal(call(aneSocket, 'cluster:create', { name: 'Mine' }))).toBe(ErrorCode.FORBIDDEN);
    expect(await refusal(call(leadSocket, 'cluster:rename', { clusterId: cluster.id, name: 'x' }))).toBe(ErrorCode.CLUSTER_NOT_FOUND);
    expect(await refusal(call(leadSocket, 'cluster:create', { name: '' }))).toBe(ErrorCode.VALIDATION_FAILED);
    expect(await refusal(call(leadSocket, 'cluster:create', { name: 'x', questionId: 'nosuchquestion' }))).toBe(ErrorCode.VALIDATION_FAILED);
  });

  it('merges duplicates keeping every author, the original texts and the votes, fairly', async () => {
    const { leadSocket, leadDoc, ane, bo, aneSession, boSession } = await scene();
    const target = ane.addIdea({ text: 'Flere bænke', questionId: 'kickoff-q1', authorName: 'Ane' });
    const source1 = bo.addIdea({ text: 'Bænke ved søen', questionId: 'kickoff-q1', authorName: 'Bo' });
    const source2 = bo.addIdea({ text: 'Siddepladser', questionId: 'kickoff-q1', authorName: 'Bo' });
    await eventually(() => ane.allSaved && bo.allSaved && ideasMap(leadDoc.doc).size === 3, 10_000, 'ideas');

    await ok(call(leadSocket, 'voting:configure', { votesPerPerson: 5, maxPerIdea: 2 }));
    await setStep(leadSocket, 'kickoff-q1', 'vote');
    const aneSocket = await env.socket(aneSession);
    const boSocket = await env.socket(boSession);
    // Ane: 1 on the target, 2 on source 1, 1 on source 2 → 4 would land on one idea; max is 2.
    for (const id of [target.id, source1.id, source1.id, source2.id]) await ok(call(aneSocket, 'vote:cast', { ideaId: id }));
    // Bo: 1 on source 2 → 1 on the target.
    await ok(call(boSocket, 'vote:cast', { ideaId: source2.id }));
    await ok(call(leadSocket, 'voting:reveal', { revealed: true }));
    await eventually(() => readVoteTotals(leadDoc.doc)[source1.id] === 2, 10_000, 'totals shown');

    const refresh = new Promise<void>((resolve) => aneSocket.once('votes:refresh', () => resolve()));
    const merged = await ok(call<MergeResult>(leadSocket, 'idea:merge', { targetId: target.id, sourceIds: [source1.id, source2.id] }));
    await refresh;
    expect(merged.idea).toMatchObject({ id: target.id, text: 'Flere bænke', authorId: ane.identity.participantId });
    expect(merged.history.authors.map((a) => a.authorName)).toEqual(['Ane', 'Bo']);
    expect(merged.history.originals.map((o) => [o.ideaId, o.text, o.authorName])).toEqual([
      [target.id, 'Flere bænke', 'Ane'],
      [source1.id, 'Bænke ved søen', 'Bo'],
      [source2.id, 'Siddepladser', 'Bo'],
    ]);

    await eventually(() => !ideasMap(ane.doc).has(source1.id) && !ideasMap(ane.doc).has(source2.id), 10_000, 'sources gone');
    expect(readIdeaHistory(ane.doc, target.id)).toEqual(merged.history);
    // Ane keeps 2 (the maximum per idea) and gets 2 back; Bo's vote moved.
    expect(await ok(call<MyVotes>(aneSocket, 'votes:mine', {}))).toEqual({ questionId: 'kickoff-q1', votes: { [target.id]: 2 }, remaining: 3 });
    expect(await ok(call<MyVotes>(boSocket, 'votes:mine', {}))).toEqual({ questionId: 'kickoff-q1', votes: { [target.id]: 1 }, remaining: 4 });
    await eventually(() => readVoteTotals(ane.doc)[target.id] === 3 && Object.keys(readVoteTotals(ane.doc)).length === 1, 10_000, 'totals moved');

    // The target's author still owns it: Ane edits, the original texts stay in history.
    await setStep(leadSocket, 'kickoff-q1', 'group');
    ideasMap(ane.doc).get(target.id)?.set('text', 'Flere bænke og siddepladser');
    await eventually(() => ideasMap(leadDoc.doc).get(target.id)?.get('text') === 'Flere bænke og siddepladser', 10_000, 'edit');
    expect(ane.closes).toEqual([]);

    // Merging again folds a merged idea's whole history into the new target.
    await setStep(leadSocket, 'kickoff-q1', 'write');
    const third = bo.addIdea({ text: 'Bænke på torvet', questionId: 'kickoff-q1', authorName: 'Bo' });
    await eventually(() => bo.allSaved, 10_000, 'third');
    const again = await ok(call<MergeResult>(leadSocket, 'idea:merge', { targetId: third.id, sourceIds: [target.id] }));
    expect(again.history.authors.map((a) => a.authorName)).toEqual(['Bo', 'Ane']);
    expect(again.history.originals.map((o) => o.text)).toEqual(['Bænke på torvet', 'Flere bænke', 'Bænke ved søen', 'Siddepladser', 'Flere bænke og siddepladser']);
    await eventually(() => readIdeaHistory(ane.doc, target.id) === null, 10_000, 'old history folded');
  });

  it('refuses merges by participants, of missing ideas, and into itself', async () => {
    const { leadSocket, ane, aneSession } = await scene();
    const a = ane.addIdea({ text: 'a', questionId: 'kickoff-q1' });
    const b = ane.addIdea({ text: 'b', questionId: 'kickoff-q1' });
    await eventually(() => ane.allSaved, 10_000, 'saved');
    const aneSocket = await env.socket(aneSession);
    expect(await refusal(call(aneSocket, 'idea:merge', { targetId: a.id, sourceIds: [b.id] }))).toBe(ErrorCode.FORBIDDEN);
    expect(await refusal(call(leadSocket, 'idea:merge', { targetId: a.id, sourceIds: ['no-such-idea'] }))).toBe(ErrorCode.IDEA_NOT_FOUND);
    expect(await refusal(call(leadSocket, 'idea:merge', { targetId: a.id, sourceIds: [a.id] }))).toBe(ErrorCode.VALIDATION_FAILED);
    expect(await refusal(call(leadSocket, 'idea:merge', { targetId: a.id, sourceIds: [] }))).toBe(ErrorCode.VALIDATION_FAILED);
  });
});
