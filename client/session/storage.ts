import { z } from 'zod';
import { identitySchema, type BoardLinks, type Identity } from '../../shared';

/**
 * What this device remembers per board, in localStorage:
 * - the session of the board page (facilitator or participant) and, separately, of the
 *   screen view, so a facilitator can run the projector from the same laptop;
 * - the three share links, only on the device that created the board (the server shows
 *   the raw tokens once and stores them hashed).
 */
export type SessionKind = 'board' | 'screen';

const storedSessionSchema = z.object({
  sessionToken: z.string().min(1),
  identity: identitySchema,
  /** The capability token from the link, to join again when the session expires ('' when joined by code). */
  capabilityToken: z.string(),
  /** Set when the session came from a join code: joining again goes through the code. */
  joinCode: z.string().optional(),
  boardTitle: z.string(),
});
export type StoredSession = z.infer<typeof storedSessionSchema>;

const linksSchema = z.object({
  facilitator: z.string(),
  participant: z.string(),
  observer: z.string(),
});

const sessionKey = (kind: SessionKind, boardId: string) => `samskab.${kind}.${boardId}`;
const linksKey = (boardId: string) => `samskab.links.${boardId}`;

function read<T>(key: string, schema: z.ZodType<T>): T | null {
  try {
    const raw = localStorage.getItem(key);
    if (raw === null) return null;
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function write(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or disabled: the session lasts as long as the page.
  }
}

export function loadSession(kind: SessionKind, boardId: string): StoredSession | null {
  const session = read(sessionKey(kind, boardId), storedSessionSchema);
  return session && session.identity.boardId === boardId ? session : null;
}

export function saveSession(kind: SessionKind, session: StoredSession): void {
  write(sessionKey(kind, session.identity.boardId), session);
}

export function updateStoredIdentity(kind: SessionKind, boardId: string, identity: Identity, title: string): void {
  const session = loadSession(kind, boardId);
  if (session) saveSession(kind, { ...session, identity, boardTitle: title });
}

export function forgetSession(kind: SessionKind, boardId: string): void {
  try {
    localStorage.removeItem(sessionKey(kind, boardId));
  } catch {
    // Nothing stored.
  }
}

export function loadLinks(boardId: string): BoardLinks | null {
  return read(linksKey(boardId), linksSchema);
}

export function saveLinks(boardId: string, links: BoardLinks): void {
  // Without PUBLIC_URL the server hands out relative links: keep them whole, as shared.
  const whole = (link: string) => (typeof location === 'undefined' ? link : new URL(link, location.origin).href);
  write(linksKey(boardId), { facilitator: whole(links.facilitator), participant: whole(links.participant), observer: whole(links.observer) });
}

/**
 * "My boards": what the start page shows of each board whose links this device holds.
 * Kept beside the links (not in them), so links saved before it existed still load.
 */
/** createdAt null: links saved before the list existed (their date is not known). */
const boardMetaSchema = z.object({ title: z.string(), createdAt: z.number().int().nonnegative().nullable() });
export type BoardMeta = z.infer<typeof boardMetaSchema>;

const metaKey = (boardId: string) => `samskab.mine.${boardId}`;
const LINKS_PREFIX = 'samskab.links.';

export function saveBoardMeta(boardId: string, meta: BoardMeta): void {
  write(metaKey(boardId), meta);
}

/** A facilitator renamed the board: the list follows, on the devices that hold its links. */
export function updateBoardMetaTitle(boardId: string, title: string): void {
  if (!loadLinks(boardId)) return;
  const meta = read(metaKey(boardId), boardMetaSchema);
  if (meta?.title === title) return;
  write(metaKey(boardId), { title, createdAt: meta?.createdAt ?? null });
}

export interface MyBoard {
  boardId: string;
  /** From the list's record, else the session's; null when this device never knew it. */
  title: string | null;
  /** ms since epoch; null for links saved before the list existed. */
  createdAt: number | null;
  /** The facilitator link to open it (a co-facilitator's device knows only that one). */
  facilitatorLink: string;
}

const SESSION_PREFIX = 'samskab.board.';

/**
 * Every board whose facilitator link this device holds, in no particular order: the boards
 * it created (with all three links) and those it joined through a facilitator link.
 */
export function loadMyBoards(): MyBoard[] {
  const out: MyBoard[] = [];
  const seen = new Set<string>();
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (!key?.startsWith(LINKS_PREFIX)) continue;
      const boardId = key.slice(LINKS_PREFIX.length);
      const links = loadLinks(boardId);
      if (!links) continue;
      const meta = read(metaKey(boardId), boardMetaSchema);
      const title = meta?.title ?? loadSession('board', boardId)?.boardTitle ?? null;
      out.push({ boardId, title, createdAt: meta?.createdAt ?? null, facilitatorLink: links.facilitator });
      seen.add(boardId);
    }
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (!key?.startsWith(SESSION_PREFIX)) continue;
      const session = loadSession('board', key.slice(SESSION_PREFIX.length));
      if (!session || seen.has(session.identity.boardId)) continue;
      if (session.identity.role !== 'facilitator' || session.capabilityToken === '') continue;
      const { boardId } = session.identity;
      const facilitatorLink = `${location.origin}/b/${boardId}#k=${encodeURIComponent(session.capabilityToken)}`;
      out.push({ boardId, title: session.boardTitle, createdAt: null, facilitatorLink });
    }
  } catch {
    // Storage disabled: nothing is kept on this device.
  }
  return out;
}

/** Forgets a board on this device: its links, its entry in the list and both sessions. */
export function forgetBoard(boardId: string): void {
  try {
    localStorage.removeItem(linksKey(boardId));
    localStorage.removeItem(metaKey(boardId));
  } catch {
    // Nothing stored.
  }
  forgetSession('board', boardId);
  forgetSession('screen', boardId);
}

/** Reads `#k=<token>` from the address and removes it, so the secret leaves no trace in history. */
export function takeTokenFromFragment(): string | null {
  const match = /(?:^#|&)k=([^&]+)/.exec(window.location.hash);
  if (!match?.[1]) return null;
  const token = decodeURIComponent(match[1]);
  history.replaceState(history.state, '', window.location.pathname + window.location.search);
  return token;
}
