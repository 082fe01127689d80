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
  write(linksKey(boardId), links);
}

/** Reads `#k=<token>` from the address and removes it, so the secret leaves no trace in history. */
export function takeTokenFromFragment(): string | null {
  const match = /(?:^#|&)k=([^&]+)/.exec(window.location.hash);
  if (!match?.[1]) return null;
  const token = decodeURIComponent(match[1]);
  history.replaceState(history.state, '', window.location.pathname + window.location.search);
  return token;
}
