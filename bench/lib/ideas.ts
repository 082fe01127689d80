import * as Y from 'yjs';
import {
  IDEA_FIELDS,
  OPTIONAL_IDEA_FIELDS,
  TEMPLATES,
  TRACKS,
  ideasMap,
  insertIdea,
  randomId,
  type IdeaInput,
  type IdeaMap,
} from '../../shared';

/**
 * The workload's data: sticky-note ideas exactly as Samskab stores them (one Y.Map per idea
 * under `ideas`, every field present, written with the shared `insertIdea`), so the
 * reference servers carry byte-for-byte the same kind of document.
 */

export interface Author {
  participantId: string;
  displayName: string | null;
  contributorType: IdeaInput['contributorType'];
  organisation: string | null;
}

/** The kick-off template's questions: ideas are written under the first, voted on under the second. */
const [WRITE_QUESTION, VOTE_QUESTION] = TEMPLATES.kickoff.questionIds as [string, string, ...string[]];
export const QUESTION = { write: WRITE_QUESTION, vote: VOTE_QUESTION } as const;

export function fakeAuthor(): Author {
  return { participantId: randomId(16), displayName: null, contributorType: null, organisation: null };
}

const OPENINGS = ['Åbn skolegårdene', 'Flere grønne stier', 'Lektiecafé i biblioteket', 'Fælles spisning', 'Cykelværksted', 'Borgerpanel om', 'Sommerfestival ved', 'Mentorordning for', 'Idrætsdag med', 'Nyt mødested i'];
const ENDINGS = ['for foreningerne efter skoletid', 'langs Ishøj Strand', 'for unge og ældre sammen', 'med de lokale virksomheder', 'i hele kommunen', 'så flere kan være med', 'med fokus på trivsel', 'drevet af frivillige'];

/** 40–110 characters of plausible Danish, varied so the document does not compress unrealistically. */
export function ideaText(n: number): string {
  const head = OPENINGS[n % OPENINGS.length] as string;
  const tail = ENDINGS[Math.floor(n / OPENINGS.length) % ENDINGS.length] as string;
  return `${head} ${tail} (#${n})`;
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A key of the fractional-index scheme (shared/model/position.ts): "a" + one digit, then a fraction not ending in 0. */
export function randomPosition(): string {
  let key = 'a' + BASE62[Math.floor(Math.random() * 62)];
  const fraction = 1 + Math.floor(Math.random() * 3);
  for (let i = 0; i < fraction; i++) key += BASE62[1 + Math.floor(Math.random() * 61)];
  return key;
}

const pick = <T>(values: readonly T[]): T => values[Math.floor(Math.random() * values.length)] as T;

export function makeIdea(author: Author, questionId: string, n: number, now = Date.now()): IdeaInput {
  return {
    id: randomId(12),
    text: ideaText(n),
    authorId: author.participantId,
    authorName: author.displayName,
    contributorType: author.contributorType,
    organisation: author.organisation,
    createdAt: now,
    updatedAt: now,
    phase: pick([1, 2, 3] as const),
    principle: pick([1, 2, 3] as const),
    track: pick(TRACKS),
    beacons: [],
    questionId,
    position: randomPosition(),
    clusterId: null,
  };
}

/** 50% of the op mix: one complete idea in one transaction. */
export function addIdea(doc: Y.Doc, author: Author, questionId: string, n: number): string {
  const idea = makeIdea(author, questionId, n);
  insertIdea(doc, idea);
  return idea.id;
}

/** 35%: re-place an idea (phase, principle, position), as a drag on the board does. Only changed fields are written. */
export function moveIdea(doc: Y.Doc, idea: IdeaMap): void {
  doc.transact(() => {
    const phase = ((((idea.get('phase') as number | null) ?? 0) % 3) + 1) as 1 | 2 | 3;
    idea.set('phase', phase);
    idea.set('principle', pick([1, 2, 3] as const));
    idea.set('position', randomPosition());
    idea.set('updatedAt', Date.now());
  });
}

/**
 * 15%, where votes are Yjs writes: on a plain y-websocket server a dot vote is a counter on
 * the idea's map. Samskab refuses unknown fields, so its fallback (only when the server has
 * no `vote:cast`) writes a placement field instead, which costs the same on the wire.
 */
export function yjsVote(doc: Y.Doc, idea: IdeaMap, field: 'votes' | 'updatedAt'): void {
  doc.transact(() => {
    if (field === 'votes') idea.set('votes', ((idea.get('votes') as number | undefined) ?? 0) + 1);
    else idea.set('updatedAt', Date.now());
  });
}

const REQUIRED_FIELDS = IDEA_FIELDS.filter((f) => !OPTIONAL_IDEA_FIELDS.has(f)).length;

/**
 * Ideas a client could show: complete maps (every required field has arrived). Cheaper than
 * parsing each with zod, which would make the client, not the server, the slow part.
 */
export function countIdeas(doc: Y.Doc): number {
  let n = 0;
  for (const map of ideasMap(doc).values()) if (map.size >= REQUIRED_FIELDS && map.has('text')) n++;
  return n;
}

/** Idea maps under one question, for choosing what to move or vote on. */
export function ideasOf(doc: Y.Doc, questionId: string): IdeaMap[] {
  const out: IdeaMap[] = [];
  for (const map of ideasMap(doc).values()) if (map.get('questionId') === questionId) out.push(map);
  return out;
}

/**
 * A board of `count` ideas by one author as one Yjs update: what a long-running board
 * holds after compaction. The same bytes seed every server.
 */
export function buildSeedUpdate(author: Author, count: number): { update: Uint8Array; clientId: number } {
  const doc = new Y.Doc();
  const now = Date.now();
  doc.transact(() => {
    for (let i = 0; i < count; i++) insertIdea(doc, makeIdea(author, i % 2 === 0 ? QUESTION.write : QUESTION.vote, i, now - (count - i) * 1000));
  });
  const update = Y.encodeStateAsUpdate(doc);
  const clientId = doc.clientID;
  doc.destroy();
  return { update, clientId };
}
