import { describe, expect, it } from 'vitest';
import { pollDraftSchema, pollSchema, type Poll } from '../../shared';
import { answerOf, draftFrom, moved } from '../../client/polls/answer-draft';
import { draftOf, editorStateOf } from '../../client/polls/editor-draft';
import { resultRows } from '../../client/polls/results-table';
import { usePollsStore } from '../../client/polls/polls-store';
import { followDrafts, type DraftsChannel } from '../../client/polls/usePollDrafts';

const base = { id: 'poll-client-1', question: 'Q', questionId: null, beaconId: null, state: 'open', resultMode: 'hidden', revealed: false, live: true, createdAt: 1, updatedAt: 1, results: null };
const poll = (kind: object): Poll => pollSchema.parse({ ...base, ...kind });

describe('the poll screens\u2019 logic', () => {
  it('a ranking moves by one place and starts in the poll\u2019s order', () => {
    const ranking = poll({ type: 'ranking', options: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }, { id: 'c', label: 'C' }] });
    const draft = draftFrom(ranking, null);
    expect(draft.order).toEqual(['a', 'b', 'c']);
    expect(moved(draft.order, 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moved(draft.order, 0, -1)).toEqual(['a', 'b', 'c']);
    expect(answerOf(ranking, { ...draft, order: ['c', 'a', 'b'] })).toEqual({ type: 'ranking', order: ['c', 'a', 'b'] });
  });

  it('sends nothing until something is chosen, and drops empty words', () => {
    const cloud = poll({ type: 'wordcloud', maxWords: 3 });
    expect(answerOf(cloud, draftFrom(cloud, null))).toBeNull();
    expect(answerOf(cloud, { ...draftFrom(cloud, null), words: [' ', 'havn', ''] })).toEqual({ type: 'wordcloud', words: ['havn'] });
    const single = poll({ type: 'single', options: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }] });
    expect(answerOf(single, draftFrom(single, { type: 'single', optionId: 'b' }))).toEqual({ type: 'single', optionId: 'b' });
  });

  it('the editor round-trips a poll into a draft the server accepts, keeping option ids', () => {
    const multiple = poll({ type: 'multiple', options: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }], maxChoices: 1, inCall: true });
    const draft = draftOf(editorStateOf(multiple));
    expect(pollDraftSchema.parse(draft)).toMatchObject({ type: 'multiple', options: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }], maxChoices: 1, inCall: true });
    const fresh = draftOf({ ...editorStateOf(null), question: 'Ny', type: 'scale', scaleMax: 10 });
    expect(pollDraftSchema.parse(fresh)).toMatchObject({ type: 'scale', scaleMax: 10 });
  });

  it('result rows give counts and whole-number shares of the people who answered', () => {
    const multiple = poll({ type: 'multiple', options: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }], maxChoices: null });
    expect(resultRows(multiple, { kind: 'choice', answers: 3, counts: { a: 3, b: 1 } })).toEqual([
      { key: 'a', label: 'A', count: 3, percent: 100 },
      { key: 'b', label: 'B', count: 1, percent: 33 },
    ]);
  });

  it('a facilitator\u2019s list holds the published polls and the drafts, oldest first; a published poll replaces its draft', () => {
    const text = (id: string, createdAt: number, state: Poll['state']) => poll({ type: 'text', id, createdAt, state, live: false });
    const store = usePollsStore.getState();
    store.setPublished([text('poll-b', 2, 'open')]);
    store.setDrafts([text('poll-c', 3, 'draft'), text('poll-a', 1, 'draft')]);
    expect(usePollsStore.getState().polls.map((p) => [p.id, p.state])).toEqual([['poll-a', 'draft'], ['poll-b', 'open'], ['poll-c', 'draft']]);
    // poll-c opened: the document has it before the drafts' event says it left them.
    store.setPublished([text('poll-b', 2, 'open'), text('poll-c', 3, 'open')]);
    expect(usePollsStore.getState().polls.map((p) => [p.id, p.state])).toEqual([['poll-a', 'draft'], ['poll-b', 'open'], ['poll-c', 'open']]);
    store.setDrafts([text('poll-a', 1, 'draft')]);
    expect(usePollsStore.getState().polls.map((p) => p.id)).toEqual(['poll-a', 'poll-b', 'poll-c']);
    store.setDrafts([]);
    store.setPublished([]);
  });

  it('following the drafts: a reply read before an announced change does not overwrite the announcement; a reply with none meanwhile does', async () => {
    const handlers = new Map<string, (payload: { polls: Poll[] }) => void>();
    const replies: Array<(polls: Poll[]) => void> = [];
    const channel = {
      request: () => new Promise((resolve) => replies.push((polls) => resolve({ ok: true, data: { polls } }))),
      onServerEvent: (event: string, handler: (payload: { polls: Poll[] }) => void) => {
        handlers.set(event, handler);
        return () => handlers.delete(event);
      },
    } as unknown as DraftsChannel;
    const shown: string[][] = [];
    const stop = followDrafts(channel, (polls) => shown.push(polls.map((p) => p.id)));
    const draft = (id: string) => poll({ type: 'text', id, state: 'draft', live: false });
    const older = [draft('draft-a')];
    const newer = [...older, draft('draft-b')];
    // The announcement of a change arrives while the first reply, read before it, is on its way.
    handlers.get('poll:drafts')?.({ polls: newer });
    replies[0]?.(older);
    await Promise.resolve();
    expect(shown).toEqual([['draft-a', 'draft-b']]);
    // A reconnection asks again; nothing is announced meanwhile, so its reply is shown.
    (handlers.get('session:hello') as unknown as () => void)();
    replies[1]?.(newer.slice(1));
    await Promise.resolve();
    expect(shown.at(-1)).toEqual(['draft-b']);
    // Stopped: neither replies nor announcements reach the store.
    (handlers.get('session:hello') as unknown as () => void)();
    stop();
    replies[2]?.(older);
    await Promise.resolve();
    expect(handlers.size).toBe(0);
    expect(shown).toHaveLength(2);
  });
});
