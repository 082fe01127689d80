import * as Y from 'yjs';
import {
  ideasMap,
  readIdea,
  type Ack,
  type AddCommentResult,
  type BoardSettings,
  type Cluster,
  type CreateBoardResponse,
  type HiddenIdea,
  type Idea,
  type IdeaStatus,
  type IdeaStatusRecord,
  type Initiative,
  type MergeResult,
  type ModerateEditResult,
  type QueueItem,
  type SaveInitiativeRequest,
  type SessionResponse,
  type SubmitHiddenResult,
  type WorkshopState,
} from '../../shared';
import { eventually, type TestClient } from '../support/harness';
import { contribute, openCall } from '../support/moderation';
import { call, ok, setStep, type TestSocket, type WorkshopEnv } from '../support/workshop';

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

/** Expected headings of the CSV / XLSX idea sheet and of the XLSX initiative sheet, and status names. */
export const HEAD_DA = [
  ...['Id', 'Idé', 'Forfatter', 'Bidragyder', 'Organisation', 'Fase', 'Princip', 'Spor', 'Pejlemærker', 'Spørgsmål', 'Klynge', 'Stemmer'],
  ...['Status', 'Begrundelse for status', 'Status ændret', 'Kommentarer'],
  ...['Reaktioner: Støtter', 'Reaktioner: Elsker', 'Reaktioner: Ny indsigt', 'Reaktioner: Har et spørgsmål', 'Indsatser', 'Oprettet', 'Opdateret'],
];
export const HEAD_EN = [
  ...['Id', 'Idea', 'Author', 'Contributor type', 'Organisation', 'Phase', 'Principle', 'Track', 'Beacons', 'Question', 'Cluster', 'Votes'],
  ...['Status', 'Status rationale', 'Status changed', 'Comments'],
  ...['Reactions: Support', 'Reactions: Love', 'Reactions: Insight', 'Reactions: Question', 'Initiatives', 'Created', 'Updated'],
];
export const INITIATIVE_HEAD_DA = [
  ...['Id', 'Indsats', 'Beskrivelse', 'Målestok', 'Ny eller eksisterende', 'Ansvarlig enhed', 'Pejlemærker', 'Målfase'],
  ...['Dagsordenspunkt eller beslutning', 'Bygger på idéerne', 'Idéernes id', 'Oprettet', 'Opdateret', 'Opdateret af'],
];
export const INITIATIVE_HEAD_EN = [
  ...['Id', 'Initiative', 'Description', 'Scale', 'New or existing', 'Responsible unit', 'Beacons', 'Target phase'],
  ...['Agenda item or decision', 'Came from the ideas', 'Idea ids', 'Created', 'Updated', 'Updated by'],
];
export const STATUS_DA = ['Ny', 'Overvejes', 'Udvalgt', 'Sat i gang', 'Realiseret', 'Ikke videreført'];
export const STATUS_EN = ['New', 'Under consideration', 'Selected', 'Started', 'Realised', 'Not taken forward'];

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
  lifecycle: SeededLifecycle;
}

/** What seedLifecycle put on the board around the ideas. */
export interface SeededLifecycle {
  /** The two initiatives, as saved (oldest first). */
  initiatives: Initiative[];
  /** The idea a moderator hid (no longer in `ideas`). */
  moderatorHidden: HiddenIdea;
  /** The pending contribution from the public call, and the e-mail it came with. */
  contributionId: string;
  email: string;
  /** The rationale of the idea 'quotes' (not taken forward) and of 'formula' (considering). */
  rejection: string;
  formulaRationale: string;
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
  add('edited', ane, { text: 'Legeplads ved skolen, spørg Jens Hansen', phase: 2, principle: 1, track: 'outward', questionId: 'kickoff-q2' });
  add('toHide', bo, { text: 'Ring til mig på 12 34 56 78 om stien', phase: 1, principle: 2, questionId: 'kickoff-q1' });
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

  const lifecycle = await seedLifecycle(env, ideas, { lead: leadSocket, ane: aneSocket, bo: boSocket, anon: await env.socket(anonSession) });
  await eventually(() => readIdea(ideasMap(leadDoc.doc).get(ideas.edited!.id)!)?.text === EDITED_TEXT, 10_000, 'moderator edit reaches the facilitator');

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
  return { board, lead, leadDoc, participant: aneSession, observer, ideas, hidden: [hiddenIdea], clusterName: cluster.name, beacons, lifecycle };
}

export const EDITED_TEXT = 'Legeplads ved skolen (navn fjernet af moderator)';
export const INITIATIVE_TITLES = ['Bænke ved vandet – Ishøj Strand & Strandparken', '+Stille rum på biblioteket'] as const;
export const DECISION_LINK = 'https://www.ishoj.dk/dagsorden/oekonomi-og-planudvalget/2024-09-03/punkt-7?vis=alle&sprog=da';

/**
 * What became of the ideas (issue 5) and the moderation around them: statuses with a
 * history and rationales, two initiatives (a flagship and a small existing one), comments,
 * reactions, a report, a moderator's edit and hiding, and, on the now pre-moderated public
 * call, a pending contribution with an e-mail and a pending comment.
 */
async function seedLifecycle(
  env: WorkshopEnv,
  ideas: Record<string, Idea>,
  sockets: { lead: TestSocket; ane: TestSocket; bo: TestSocket; anon: TestSocket },
): Promise<SeededLifecycle> {
  const { lead, ane, bo, anon } = sockets;
  const id = (key: string) => ideas[key]!.id;
  const rejection = 'Ligger uden for budgettet; "for dyrt" i 2025 – æøå';
  const formulaRationale = '=CMD("calc")';
  const setStatus = (key: string, status: IdeaStatus, rationale?: string) =>
    ok(call<IdeaStatusRecord>(lead, 'idea:setStatus', { ideaId: id(key), status, rationale: rationale ?? null }));
  await setStatus('danish', 'selected');
  await setStatus('danish', 'started');
  await setStatus('quotes', 'not-taken-forward', rejection);
  await setStatus('formula', 'considering', formulaRationale);
  await setStatus('newlines', 'realised');

  const save = (fields: SaveInitiativeRequest['fields']) => ok(call<Initiative>(lead, 'initiative:save', { fields }));
  const flagship = await save({
    title: INITIATIVE_TITLES[0],
    description: 'Flere bænke langs vandet.\nI samarbejde med Center for Sundt Liv og Trivsel.',
    scale: 'flagship',
    kind: 'new',
    responsibleUnit: 'Teknik- og Miljøforvaltningen',
    beacons: ['beacon-health', 'beacon-nature'],
    targetPhase: 3,
    decisionLink: DECISION_LINK,
    ideaIds: [id('danish'), id('dupe1'), id('toHide')],
  });
  const small = await save({ title: INITIATIVE_TITLES[1], scale: 'small', kind: 'existing', ideaIds: [id('quotes')] });

  await ok(call<AddCommentResult>(lead, 'comment:add', { id: 'comment-lead-1', ideaId: id('danish'), text: 'Tak – vi tager den med til ØPU' }));
  await ok(call<AddCommentResult>(ane, 'comment:add', { id: 'comment-ane-1', ideaId: id('danish'), text: 'Også ved Strandparken, æøå' }));
  for (const [socket, key, reaction] of [
    [ane, 'danish', 'support'],
    [bo, 'danish', 'support'],
    [bo, 'danish', 'love'],
    [anon, 'quotes', 'insight'],
  ] as const) {
    await ok(call(socket, 'reaction:toggle', { ideaId: id(key), reaction }));
  }
  await ok(call<QueueItem>(bo, 'report:create', { target: { kind: 'idea', id: id('script') }, reason: 'offensive' }));
  await ok(call<ModerateEditResult>(lead, 'idea:moderateEdit', { ideaId: id('edited'), text: EDITED_TEXT, reason: 'personal-data' }));
  const moderatorHidden = await ok(call<HiddenIdea>(lead, 'idea:hide', { ideaId: id('toHide'), reason: 'personal-data' }));
  delete ideas.toHide;

  const email = 'karen.borger@example.dk';
  const publicCall = await openCall(lead, 'pre');
  const contributionId = 'contribution-karen-1';
  const sent = await contribute(env.url, publicCall.callId, { id: contributionId, text: 'Bidrag om Strandparken', name: 'Karen', email, consent: true });
  if (!sent.body.ok) throw new Error(sent.body.error.message);
  const held = await ok(call<AddCommentResult>(bo, 'comment:add', { id: 'comment-bo-pending', ideaId: id('quotes'), text: 'Venter på godkendelse' }));
  if (held.state !== 'pending') throw new Error('expected a pending comment');
  return { initiatives: [flagship, small], moderatorHidden, contributionId, email, rejection, formulaRationale };
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
