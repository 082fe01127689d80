import { expect } from 'vitest';
import { randomId, type MyVotes, type QuestionProgress, type SubmitHiddenResult, type WorkshopProgress, type WorkshopState } from '../../shared';
import { eventually } from '../support/harness';
import { call, describeOnStores, draft, ok, setStep, type TestSocket } from '../support/workshop';

const Q = 'kickoff-q1';
const ZERO = { hiddenIdeas: 0, voters: 0, votersDone: 0 };

/** One question's counts in a progress message (zeros when it is not listed). */
function of(progress: WorkshopProgress | undefined, questionId: string | null = Q): Omit<QuestionProgress, 'questionId'> {
  const found = progress?.questions.find((q) => q.questionId === questionId);
  return found ? { hiddenIdeas: found.hiddenIdeas, voters: found.voters, votersDone: found.votersDone } : ZERO;
}

/** Everything a socket hears, as JSON (to look for leaks), and the last progress event. */
function listen(socket: TestSocket) {
  const heard: string[] = [];
  const progress: WorkshopProgress[] = [];
  socket.onAny((event: string, ...args: unknown[]) => heard.push(JSON.stringify([event, args])));
  socket.on('workshop:progress', (p) => progress.push(p));
  return { heard, progress, last: () => progress.at(-1) };
}

describeOnStores('the room\u2019s progress on the %s store', (env, test) => {
  test('an observer hears the silent count rise and fall, and never a hidden idea', async () => {
    const board = await env.board('kickoff');
    const lead = await env.socket(await env.session(board, 'facilitator', 'Lead'));
    await ok(call<WorkshopState>(lead, 'workshop:setSilent', { silent: true }));
    const screen = await env.socket(await env.session(board, 'observer'));
    const bo = await env.socket(await env.session(board, 'participant', 'Bo'));
    const onScreen = listen(screen);
    const onBo = listen(bo);
    expect(await ok(call<WorkshopProgress>(screen, 'workshop:progress'))).toEqual({ questions: [] });

    const writers = await Promise.all(['Ane', 'Cy', 'Di'].map((name) => env.session(board, 'participant', name)));
    const secrets: string[] = [];
    const ids: string[] = [];
    for (const [i, writer] of writers.entries()) {
      const socket = await env.socket(writer);
      const text = `Hemmelig idé ${randomId(8)} – æøå`;
      const idea = draft(writer, text);
      secrets.push(text);
      ids.push(idea.id, writer.identity.participantId);
      expect(await ok(call<SubmitHiddenResult>(socket, 'idea:submitHidden', { idea }))).toMatchObject({ state: 'hidden' });
      // Each new idea is counted: the last message always follows the last change.
      await eventually(() => of(onScreen.last()).hiddenIdeas === i + 1, 10_000, `the screen hears ${i + 1}`);
    }
    // One written for no question at all is counted apart, not on the focus question.
    const extra = writers[0]!;
    await ok(call<SubmitHiddenResult>(await env.socket(extra), 'idea:submitHidden', { idea: draft(extra, `Uden spørgsmål ${randomId(6)}`, null) }));
    await eventually(() => of(onScreen.last(), null).hiddenIdeas === 1, 10_000, 'the idea without a question');
    expect(of(onScreen.last())).toEqual({ ...ZERO, hiddenIdeas: 3 });
    // The command says the same, to anyone: a projector that just (re)connected.
    expect(of(await ok(call<WorkshopProgress>(screen, 'workshop:progress')))).toEqual({ ...ZERO, hiddenIdeas: 3 });
    expect(of(onBo.last())).toEqual({ ...ZERO, hiddenIdeas: 3 });

    // The counts are derived from the store: a restarted server counts the same.
    await env.restart();
    const screenAgain = await env.socket(await env.session(board, 'observer'));
    expect(of(await ok(call<WorkshopProgress>(screenAgain, 'workshop:progress')))).toEqual({ ...ZERO, hiddenIdeas: 3 });
    const onScreenAgain = listen(screenAgain);
    const leadAgain = await env.socket(await env.session(board, 'facilitator', 'Lead'));
    await ok(call(leadAgain, 'workshop:reveal'));
    await eventually(() => onScreenAgain.last() !== undefined && of(onScreenAgain.last()).hiddenIdeas === 0, 10_000, 'revealed: none hidden');

    // Whatever the screen and the other participant heard, no hidden text, idea id or author was in it.
    for (const heard of [onScreen.heard, onBo.heard]) {
      expect(heard.length).toBeGreaterThan(0);
      for (const message of heard) for (const secret of [...secrets, ...ids]) expect(message).not.toContain(secret);
      expect(heard.filter((m) => m.startsWith('["ideas:hidden')).length).toBe(0);
    }
  });

  test('a withdrawn hidden idea leaves the count', async () => {
    const board = await env.board('kickoff');
    const lead = await env.socket(await env.session(board, 'facilitator', 'Lead'));
    await ok(call<WorkshopState>(lead, 'workshop:setSilent', { silent: true }));
    const onLead = listen(lead);
    const ane = await env.session(board, 'participant', 'Ane');
    const aneSocket = await env.socket(ane);
    const ideas = [draft(ane, 'Første'), draft(ane, 'Anden')];
    for (const idea of ideas) await ok(call(aneSocket, 'idea:submitHidden', { idea }));
    await eventually(() => of(onLead.last()).hiddenIdeas === 2, 10_000, 'two hidden');
    await ok(call(aneSocket, 'idea:deleteHidden', { ideaId: ideas[0]!.id }));
    await eventually(() => of(onLead.last()).hiddenIdeas === 1, 10_000, 'one withdrawn');
  });

  test('the facilitator hears who has voted and who has used every vote, as votes are cast and retracted', async () => {
    const board = await env.board('kickoff');
    const leadSession = await env.session(board, 'facilitator', 'Lead');
    const lead = await env.socket(leadSession);
    const leadDoc = await env.yjs(leadSession);
    const ideas = [0, 1, 2].map((i) => leadDoc.addIdea({ text: `Idé ${i}`, questionId: Q }).id);
    await eventually(() => leadDoc.allSaved, 10_000, 'ideas saved');
    await ok(call<WorkshopState>(lead, 'voting:configure', { votesPerPerson: 2, maxPerIdea: 2 }));
    await setStep(lead, Q, 'vote');
    const onLead = listen(lead);
    const [ane, bo] = await Promise.all(['Ane', 'Bo'].map(async (name) => env.socket(await env.session(board, 'participant', name))));
    const cast = (socket: TestSocket, ideaId: string) => ok(call<MyVotes>(socket, 'vote:cast', { ideaId }));
    const heard = (voters: number, votersDone: number, what: string) =>
      eventually(() => {
        const now = of(onLead.last());
        return now.voters === voters && now.votersDone === votersDone;
      }, 10_000, what);

    await cast(ane!, ideas[0]!);
    await heard(1, 0, 'Ane voted once');
    await cast(ane!, ideas[1]!);
    await heard(1, 1, 'Ane used both votes');
    await cast(bo!, ideas[2]!);
    await heard(2, 1, 'Bo voted');
    await ok(call<MyVotes>(ane!, 'vote:retract', { ideaId: ideas[0]! }));
    await heard(2, 0, 'Ane took one back');
    await ok(call<MyVotes>(bo!, 'vote:retract', { ideaId: ideas[2]! }));
    await heard(1, 0, 'Bo took his back');
    // A smaller budget: Ane's one vote is now all of hers.
    await ok(call<WorkshopState>(lead, 'voting:configure', { votesPerPerson: 1, maxPerIdea: 1 }));
    await heard(1, 1, 'the budget lowered');
    expect(of(await ok(call<WorkshopProgress>(lead, 'workshop:progress')))).toEqual({ hiddenIdeas: 0, voters: 1, votersDone: 1 });
    // Reset: nobody has voted.
    await ok(call<WorkshopState>(lead, 'voting:reset', { questionId: Q }));
    await heard(0, 0, 'votes reset');
    // Nobody's votes, nor who cast them, were in any of it.
    for (const message of onLead.heard.filter((m) => m.startsWith('["workshop:progress"'))) {
      for (const id of ideas) expect(message).not.toContain(id);
    }
  });
});
