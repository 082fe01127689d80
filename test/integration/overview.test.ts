import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ErrorCode,
  readIdeas,
  type Ack,
  type CreateBoardResponse,
  type Initiative,
  type Overview,
} from '../../shared';
import { api, eventually, storedDoc } from '../support/harness';
import { call, ok, workshopEnv, type WorkshopEnv } from '../support/workshop';
import { TEST_COORDINATOR_TOKEN } from '../../server/config';
import ExcelJS from 'exceljs';

async function get<T>(url: string, token: string): Promise<{ status: number; body: Ack<T> }> {
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, body: (await res.json()) as Ack<T> };
}

describe('the coordinator, the overview and new rounds', () => {
  let env: WorkshopEnv;
  let coordinator: string;
  beforeAll(async () => {
    env = await workshopEnv('embedded', null);
    const session = await api<{ sessionToken: string }>(env.url, '/api/coordinator/sessions', { token: TEST_COORDINATOR_TOKEN });
    if (!session.body.ok) throw new Error(session.body.error.message);
    coordinator = session.body.data.sessionToken;
  });
  afterAll(() => env.close());

  /** A board with ideas in known places, statuses and an initiative. */
  async function seed(title: string) {
    const board: CreateBoardResponse = await env.board('kickoff');
    const lead = await env.session(board, 'facilitator', 'Lead');
    const leadSocket = await env.socket(lead);
    await ok(call(leadSocket, 'board:updateSettings', { title, beacons: [{ id: 'beacon-health', name: 'Sundhed' }, { id: 'beacon-nature', name: 'Natur' }] }));
    const author = await env.yjs(await env.session(board, 'participant', 'Ane'));
    const a = author.addIdea({ text: `${title}: sti langs stranden`, phase: 1, principle: 2, track: 'outward', beacons: ['beacon-nature'], contributorType: null });
    const b = author.addIdea({ text: `${title}: motion for ældre`, phase: 2, principle: 2, track: 'inward', beacons: ['beacon-health'] });
    const c = author.addIdea({ text: `${title}: flere skraldespande`, phase: null, principle: null, track: null });
    await eventually(() => author.allSaved);
    await ok(call(leadSocket, 'idea:setStatus', { ideaId: a.id, status: 'selected' }));
    await ok(call(leadSocket, 'idea:setStatus', { ideaId: b.id, status: 'not-taken-forward', rationale: 'Findes allerede i Aktiv Ishøj' }));
    const initiative = await ok(
      call<Initiative>(leadSocket, 'initiative:save', {
        fields: { title: 'Kyststien', scale: 'flagship', kind: 'new', responsibleUnit: 'Teknik og Miljø', beacons: ['beacon-nature'], targetPhase: 3, decisionLink: 'https://ishoj.dk/dagsorden/42', ideaIds: [a.id] },
      }),
    );
    return { board, lead, leadSocket, ideas: { a, b, c }, initiative };
  }

  it('counts and lists every board\u2019s ideas for the coordinator, with filters and what changed since a date', async () => {
    const before = Date.now();
    await seed('Rådene');
    await seed('Medarbejderne');
    const overview = await get<Overview>(`${env.url}/api/overview`, coordinator);
    expect(overview.status).toBe(200);
    const data = (overview.body as { data: Overview }).data;
    const ours = data.ideas.filter((i) => i.boardTitle === 'Rådene' || i.boardTitle === 'Medarbejderne');
    expect(ours).toHaveLength(6);
    expect(data.counts.phasePrinciple['1:2']).toBeGreaterThanOrEqual(2);
    expect(data.counts.status.selected).toBeGreaterThanOrEqual(2);
    expect(data.counts.beacon.Natur).toBeGreaterThanOrEqual(2);
    const path = ours.find((i) => i.text.endsWith('sti langs stranden'))!;
    expect(path).toMatchObject({ status: 'selected', beaconNames: ['Natur'], initiatives: ['Kyststien'] });

    const filtered = await get<Overview>(`${env.url}/api/overview?status=not-taken-forward&beacon=Sundhed`, coordinator);
    const rejected = (filtered.body as { data: Overview }).data;
    expect(rejected.ideas.every((i) => i.status === 'not-taken-forward' && i.beaconNames.includes('Sundhed'))).toBe(true);
    expect(rejected.counts.total).toBe(rejected.ideas.length);
    expect(rejected.ideas.some((i) => i.statusRationale === 'Findes allerede i Aktiv Ishøj')).toBe(true);

    // "none": ideas where the field is not set.
    const unplaced = (await get<Overview>(`${env.url}/api/overview?phase=none&track=none`, coordinator)).body as { data: Overview };
    expect(unplaced.data.ideas.length).toBeGreaterThanOrEqual(2);
    expect(unplaced.data.ideas.every((i) => i.phase === null && i.track === null)).toBe(true);

    const changed = await get<Overview>(`${env.url}/api/overview?since=${before}`, coordinator);
    const changes = (changed.body as { data: Overview }).data.changes!;
    expect(changes.filter((c) => c.kind === 'status-changed').length).toBeGreaterThanOrEqual(4);
    expect(changes.some((c) => c.kind === 'initiative-saved' && c.text === 'Kyststien')).toBe(true);
    const later = await get<Overview>(`${env.url}/api/overview?since=${Date.now() + 60_000}`, coordinator);
    expect((later.body as { data: Overview }).data.changes).toEqual([]);

    const csv = await fetch(`${env.url}/api/overview/export.csv?status=selected`, { headers: { authorization: `Bearer ${coordinator}` } });
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('sti langs stranden');
    expect(bytes.toString('utf8')).not.toContain('motion for ældre');

    const xlsx = await fetch(`${env.url}/api/overview/export.xlsx?since=${before}`, { headers: { authorization: `Bearer ${coordinator}` } });
    expect(xlsx.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ArrayBuffer);
    // Danish sheet names by default, as the board export (lang=en gives Ideas, Counts, Boards, Changes).
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Idéer', 'Optælling', 'Tavler', 'Ændringer']);
    const sheet = workbook.getWorksheet('Idéer')!;
    expect(sheet.rowCount - 1).toBe(data.ideas.length);
    const texts = sheet.getColumn(4).values.slice(2).map(String);
    expect(texts).toContain(path.text);
  });

  it('refuses the overview to everyone but a coordinator session', async () => {
    const { lead } = await seed('Borgerne');
    expect((await get(`${env.url}/api/overview`, lead.sessionToken)).body).toMatchObject({ ok: false, error: { code: ErrorCode.UNAUTHENTICATED } });
    expect((await fetch(`${env.url}/api/overview`)).status).toBe(401);
    const wrong = await api(env.url, '/api/coordinator/sessions', { token: 'not-the-token' });
    expect(wrong.body).toMatchObject({ ok: false, error: { code: ErrorCode.INVALID_TOKEN } });
  });

  it('starts a new round from a board with its selected ideas, linked to their origin', async () => {
    const { board, lead, ideas } = await seed('Runde 1');
    const res = await fetch(`${env.url}/api/boards/${board.boardId}/rounds`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${lead.sessionToken}` },
      body: JSON.stringify({ title: 'Runde 2' }),
    });
    expect(res.status).toBe(201);
    const next = ((await res.json()) as { data: CreateBoardResponse & { carried: number } }).data;
    expect(next.carried).toBe(1);
    const doc = await storedDoc(env.store, next.boardId);
    expect(readIdeas(doc).map((i) => i.text)).toEqual([ideas.a.text]);
    expect(doc.getMap('origins').get(ideas.a.id)).toMatchObject({ boardId: board.boardId, boardTitle: 'Runde 1', status: 'selected' });
    expect((doc.getMap('board').get('beacons') as unknown[]).length).toBe(2);
    const participant = await env.session(board, 'participant', 'Ane');
    const refused = await fetch(`${env.url}/api/boards/${board.boardId}/rounds`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${participant.sessionToken}` },
      body: '{}',
    });
    expect(refused.status).toBe(403);
  });

  it('gives new boards the installation\u2019s beacons, set by the coordinator', async () => {
    const beacons = [{ id: 'beacon-one', name: 'Fællesskab' }, { id: 'beacon-two', name: 'Uddannelse' }];
    const put = await fetch(`${env.url}/api/installation/beacons`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${coordinator}` },
      body: JSON.stringify({ beacons }),
    });
    expect(put.status).toBe(200);
    const board = await env.board('blank');
    const doc = await storedDoc(env.store, board.boardId);
    expect(doc.getMap('board').get('beacons')).toEqual(beacons);
    const lead = await env.session(board, 'facilitator', 'Lead');
    const forbidden = await fetch(`${env.url}/api/installation/beacons`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${lead.sessionToken}` },
      body: JSON.stringify({ beacons: [] }),
    });
    expect(forbidden.status).toBe(401);
  });
});
