import * as Y from 'yjs';
import {
  ideasMap,
  readIdea,
  type Ack,
  type BoardSettings,
  type Cluster,
  type CreateBoardResponse,
  type Idea,
  type MergeResult,
  type SessionResponse,
  type SubmitHiddenResult,
  type WorkshopState,
} from '../../shared';
import { eventually, type TestClient } from '../support/harness';
import { call, ok, setStep, type WorkshopEnv } from '../support/workshop';

/** GET an export with a session; the body as bytes (and as the Ack when it is an error). */
export async function fetchExport(base: string, boardId: string, format: string, session: string | null, query = '') {
  const res = await fetch(`${base}/api/boards/${boardId}/export/${format}${query}`, {
    headers: session === null ? {} : { authorization: `Bearer ${session}` },
  });
  const body = Buffer.from(await res.arrayBuffer());
  const type = res.headers.get('content-type') ?? '';
  const ack = type.startsWith('application/json') && res.status >= 400 ? (JSON.parse(body.toString('utf8')) as Ack<unknown>) : null;
  return { status: res.status, headers: res.headers, body, ack, text: () => body.toString('utf8') };
}

/** POST a backup to /api/boards/restore. */
export async function restore(base: string, backup: Buffer | string) {
  const res = await fetch(`${base}/api/boards/restore`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof backup === 'string' ? backup : new Uint8Array(backup) });
  return { status: res.status, body: (await res.json()) as Ack<CreateBoardResponse> };
}

export async function sessionWith(
  env: WorkshopEnv,
  board: CreateBoardResponse,
  role: 'facilitator' | 'participant' | 'observer',
  profile: { displayName?: string | null; contributorType?: string | null; organisation?: string | null },
): Promise<SessionResponse> {
  const res = await fetch(`${env.url}/api/boards/${board.boardId}/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token: board.tokens[role], ...profile }),
  });
  const ack = (await res.json()) as Ack<SessionResponse>;
  if (!ack.ok) throw new Error(ack.error.message);
  return ack.data;
}

/** Texts that CSV, Markdown and HTML must carry through unchanged (and inert). */
export const TRICKY_TEXTS = {
  danish: 'Flere bænke ved Ishøj Strand – også til ældre (æøå ÆØÅ)',
  quotes: 'Et "stille rum" på biblioteket, med "citater"',
  newlines: 'Første linje\nAnden linje\r\nTredje linje',
  separators: 'Semikolon; komma, og begge; dele, her',
  formula: '=SUM(A1)',
  plus: '+1',
  minus: '-1',
  at: '@x',
  hyperlink: '=HYPERLINK("http://evil.example","klik")',
  script: '<script>alert("x")</script> & <b>fed</b>',
  markdown: '# Ikke en overskrift\n- ikke en liste\n[link](http://evil.example) ![billede](x.png) *fed* `kode` | tabel |',
} as const;

export interface SeededBoard {
  board: CreateBoardResponse;
  lead: SessionResponse;
  leadDoc: TestClient;
  participant: SessionResponse;
  observer: SessionResponse;
  /** Published ideas by key. */
  ideas: Record<string, Idea>;
  hidden: Idea[];
  clusterName: string;
  beacons: BoardSettings['beacons'];
}

/**
 * A kick-off board with everything an export shows: ideas of three people (one anonymous)
 * in every phase/principle combination and none, beacons, a cluster, a merge, revealed
 * votes on question 1, a hidden (silent-writing) idea, and the tricky texts above.
 */
export async function seedBoard(env: WorkshopEnv): Promise<SeededBoard> {
  const board = await env.board('kickoff');
  const lead = await sessionWith(env, board, 'facilitator', { displayName: 'Lead' });
  const leadSocket = await env.socket(lead);
  const leadDoc = await env.yjs(lead);
  const beacons = [
    { id: 'beacon-health', name: 'Sundhed og trivsel' },
    { id: 'beacon-nature', name: 'Natur; by & vand' },
  ];
  await ok(call<BoardSettings>(leadSocket, 'board:updateSettings', { beacons }));
  const cluster = await ok(call<Cluster>(leadSocket, 'cluster:create', { name: 'Bænke og byrum', questionId: 'kickoff-q1' }));

  const aneSession = await sessionWith(env, board, 'participant', { displayName: 'Ane Ærø', contributorType: 'citizen', organisation: 'Ældrerådet' });
  const boSession = await sessionWith(env, board, 'participant', { displayName: 'Bo', contributorType: 'council', organisation: null });
  const anonSession = await sessionWith(env, board, 'participant', { displayName: null, contributorType: 'staff' });
  const observer = await sessionWith(env, board, 'observer', {});
  const ane = await env.yjs(aneSession);
  const bo = await env.yjs(boSession);
  const anon = await env.yjs(anonSession);
  const own = (client: TestClient) => ({
    authorName: client.identity.displayName,
    contributorType: client.identity.contributorType,
    organisation: client.identity.organisation,
  });

  let clock = Date.UTC(2024, 4, 29, 15, 0, 0); // 17:00 in Copenhagen (summer time)
  const at = () => (clock += 60_000);
  const ideas: Record<string, Idea> = {};
  const add = (key: string, client: TestClient, fields: Partial<Idea>) => {
    const t = at();
    ideas[key] = client.addIdea({ ...own(client), createdAt: t, updatedAt: t, ...fields });
  };
  add('danish', ane, { text: TRICKY_TEXTS.danish, phase: 1, principle: 1, track: 'outward', questionId: 'kickoff-q1', beacons: ['beacon-health', 'beacon-nature'], clusterId: cluster.id });
  add('quotes', bo, { text: TRICKY_TEXTS.quotes, phase: 1, principle: 2, track: 'political', questionId: 'kickoff-q1' });
  add('newlines', anon, { text: TRICKY_TEXTS.newlines, phase: 2, principle: 3, track: 'inward', questionId: 'kickoff-q2' });
  add('separators', ane, { text: TRICKY_TEXTS.separators, phase: 3, principle: 1, track: null, questionId: 'kickoff-q1' });
  add('formula', bo, { text: TRICKY_TEXTS.formula, phase: 2, principle: null, questionId: 'kickoff-q1' });
  add('plus', anon, { text: TRICKY_TEXTS.plus, phase: null, principle: 2, questionId: 'kickoff-q3' });
  add('minus', ane, { text: TRICKY_TEXTS.minus, phase: null, principle: null, questionId: null });
  add('at', bo, { text: TRICKY_TEXTS.at, phase: 3, principle: 3, track: 'outward', questionId: 'kickoff-q2' });
  add('hyperlink', anon, { text: TRICKY_TEXTS.hyperlink, phase: 1, principle: 1, questionId: 'kickoff-q1' });
  add('script', ane, { text: TRICKY_TEXTS.script, phase: 1, principle: 3, track: 'political', questionId: 'kickoff-q1' });
  add('markdown', bo, { text: TRICKY_TEXTS.markdown, phase: 2, principle: 2, questionId: 'kickoff-q2' });
  add('dupe1', ane, { text: 'Bænke ved søen', phase: 1, principle: 1, questionId: 'kickoff-q1' });
  add('dupe2', bo, { text: 'Flere bænke ved søen', phase: 1, principle: 1, questionId: 'kickoff-q1' });
  await eventually(() => [ane, bo, anon].every((c) => c.allSaved), 10_000, 'ideas saved');
  await eventually(() => ideasMap(leadDoc.doc).size === Object.keys(ideas).length, 10_000, 'ideas reach the facilitator');

  // A facilitator may rewrite identity fields: leading tab and CR reach the export that way.
  leadDoc.doc.transact(() => {
    ideasMap(leadDoc.doc).get(ideas.quotes!.id)!.set('organisation', '\tTAB-organisation');
    ideasMap(leadDoc.doc).get(ideas.at!.id)!.set('organisation', '\rCR-organisation');
  });
  ideas.quotes = { ...ideas.quotes!, organisation: '\tTAB-organisation' };
  ideas.at = { ...ideas.at!, organisation: '\rCR-organisation' };
  await eventually(() => leadDoc.allSaved, 10_000, 'facilitator edits saved');

  const merged = await ok(call<MergeResult>(leadSocket, 'idea:merge', { targetId: ideas.dupe1!.id, sourceIds: [ideas.dupe2!.id] }));
  ideas.dupe1 = merged.idea;
  delete ideas.dupe2;

  // Votes on question 1, revealed.
  await ok(call<WorkshopState>(leadSocket, 'voting:configure', { votesPerPerson: 5, maxPerIdea: 3 }));
  await setStep(leadSocket, 'kickoff-q1', 'vote');
  const aneSocket = await env.socket(aneSession);
  const boSocket = await env.socket(boSession);
  for (const [socket, key] of [
    [aneSocket, 'danish'],
    [aneSocket, 'danish'],
    [aneSocket, 'quotes'],
    [boSocket, 'danish'],
    [boSocket, 'dupe1'],
    [boSocket, 'formula'],
  ] as const) {
    await ok(call(socket, 'vote:cast', { ideaId: ideas[key]!.id }));
  }
  await ok(call<WorkshopState>(leadSocket, 'voting:reveal', { revealed: true }));
  await eventually(() => leadDoc.doc.getMap('votes').size === 4, 10_000, 'totals revealed');

  // Silent writing on question 2: one hidden idea stays in the store.
  await ok(call<WorkshopState>(leadSocket, 'workshop:setSilent', { silent: true }));
  const hiddenIdea: Idea = {
    id: 'hidden-idea-1',
    text: 'Skjult idé om æbletræer',
    authorId: aneSession.identity.participantId,
    authorName: aneSession.identity.displayName,
    contributorType: aneSession.identity.contributorType,
    organisation: aneSession.identity.organisation,
    createdAt: at(),
    updatedAt: clock,
    phase: 2,
    principle: 1,
    track: 'outward',
    beacons: [],
    questionId: 'kickoff-q2',
    position: 'a0',
    clusterId: null,
  };
  const submitted = await ok(call<SubmitHiddenResult>(aneSocket, 'idea:submitHidden', { idea: hiddenIdea }));
  if (submitted.state !== 'hidden') throw new Error('expected a hidden idea');

  // Read back what the board holds now (the merge and votes changed ideas' fields).
  for (const [key, idea] of Object.entries(ideas)) {
    const map = ideasMap(leadDoc.doc).get(idea.id);
    const read = map ? readIdea(map) : null;
    if (read) ideas[key] = read;
  }
  return { board, lead, leadDoc, participant: aneSession, observer, ideas, hidden: [hiddenIdea], clusterName: cluster.name, beacons };
}

/** Expected phase × principle counts (rows phases 1–3 + none, columns principles 1–3 + none). */
export function expectedPhasePrinciple(ideas: Idea[]): number[][] {
  const grid = [0, 1, 2, 3].map(() => [0, 0, 0, 0]);
  for (const idea of ideas) grid[idea.phase === null ? 3 : idea.phase - 1]![idea.principle === null ? 3 : idea.principle - 1]!++;
  return grid;
}

/** A document rebuilt from a backup's base64 update. */
export function docFromBackup(backup: { document: { update: string } }): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, new Uint8Array(Buffer.from(backup.document.update, 'base64')));
  return doc;
}
