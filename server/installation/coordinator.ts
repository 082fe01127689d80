import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join as joinPath } from 'node:path';
import { z } from 'zod';
import { ErrorCode, beaconSchema, type Beacon } from '../../shared';
import { hashToken, newToken, sameHash } from '../core/tokens';
import { ServiceError } from '../core/errors';
import type { Logger } from '../log';
import type { Records } from '../core/records';

const SPACE = { installation: 'installation', sessions: 'coordinator-sessions' } as const;

const installationSchema = z
  .object({
    /** SHA-256 of the coordinator token; null while COORDINATOR_TOKEN decides. */
    coordinatorTokenHash: z.string().nullable(),
    /** The vision's beacons (pejlemærker): new boards start with them. */
    beacons: z.array(beaconSchema),
    createdAt: z.number(),
  })
  .strict();
type Installation = z.infer<typeof installationSchema>;

const sessionSchema = z.object({ createdAt: z.number() }).strict();

/** Coordinator sessions last as long as a working day or two, not months like board sessions. */
const SESSION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * The installation's coordinator: one role above the boards, for the overview across all
 * of them and the installation's beacons. The coordinator link carries a token like board
 * links do. With COORDINATOR_TOKEN set, that is the token; without it, the first start
 * makes one and writes the link to a file in DATA_DIR (never to the log), and the
 * coordinator can rotate it.
 */
export class Coordinator {
  constructor(
    private readonly records: Records,
    private readonly log: Logger,
    private readonly options: { envToken: string | undefined; dataDir: string; publicUrl: string | undefined },
  ) {}

  /** A first start's token whose link is not written yet (the address is known at listen). */
  private unwrittenToken: string | null = null;
  /** The address the server listens at, for the link file when PUBLIC_URL is unset. */
  private listenUrl = 'http://localhost:3000';

  /** Creates the installation record (and, without COORDINATOR_TOKEN, the first link) once. */
  async ensure(): Promise<void> {
    const existing = await this.installation();
    if (existing && (existing.coordinatorTokenHash !== null || this.options.envToken)) return;
    if (this.options.envToken) {
      await this.save({ coordinatorTokenHash: null, beacons: existing?.beacons ?? [], createdAt: existing?.createdAt ?? Date.now() });
      return;
    }
    const token = newToken();
    const fresh: Installation = { coordinatorTokenHash: hashToken(token), beacons: existing?.beacons ?? [], createdAt: Date.now() };
    const { created } = await this.records.insert(SPACE.installation, 'settings', fresh, installationSchema);
    // Another process won the first start: its link is the one.
    if (created || existing) {
      if (existing) await this.save(fresh);
      // Written once the server listens, so the file names the real address.
      this.unwrittenToken = token;
    }
  }

  /** The server listens at `url`: the first start's link goes to its file now. */
  async listening(url: string): Promise<void> {
    this.listenUrl = url;
    const token = this.unwrittenToken;
    this.unwrittenToken = null;
    if (token) await this.writeLink(token);
  }

  async beacons(): Promise<Beacon[]> {
    return (await this.installation())?.beacons ?? [];
  }

  async setBeacons(beacons: Beacon[]): Promise<Beacon[]> {
    const current = await this.required();
    if (new Set(beacons.map((b) => b.id)).size !== beacons.length) throw new ServiceError(ErrorCode.VALIDATION_FAILED, 'Ids must be unique.');
    await this.save({ ...current, beacons });
    return beacons;
  }

  /** Trades the coordinator token for a session token (used as a Bearer token). */
  async createSession(token: unknown): Promise<{ sessionToken: string }> {
    if (typeof token !== 'string' || token.length === 0 || token.length > 200 || !(await this.isCoordinatorToken(token))) {
      throw new ServiceError(ErrorCode.INVALID_TOKEN, 'This is not the coordinator link of this installation.', 403);
    }
    const sessionToken = newToken();
    await this.records.put(SPACE.sessions, hashToken(sessionToken), { createdAt: Date.now() });
    return { sessionToken };
  }

  /** Throws UNAUTHENTICATED unless the Bearer token is a live coordinator session. */
  async requireSession(sessionToken: string | undefined): Promise<void> {
    const session = sessionToken && sessionToken.length <= 200 ? await this.records.get(SPACE.sessions, hashToken(sessionToken), sessionSchema) : null;
    if (!session || Date.now() - session.value.createdAt > SESSION_TTL_MS) {
      throw new ServiceError(ErrorCode.UNAUTHENTICATED, 'A coordinator session is needed; open the coordinator link again.', 401);
    }
  }

  /** A new coordinator link; the old one stops working (sessions already open stay until they expire). */
  /** Ends a coordinator session (signing out), so the token stops working at once. */
  async endSession(sessionToken: string | undefined): Promise<void> {
    if (sessionToken && sessionToken.length <= 200) await this.records.delete(SPACE.sessions, [hashToken(sessionToken)]);
  }

  async rotate(): Promise<{ link: string; token: string }> {
    if (this.options.envToken) {
      throw new ServiceError(ErrorCode.FORBIDDEN, 'The coordinator token is set by COORDINATOR_TOKEN; change it there.', 409);
    }
    const current = await this.required();
    const token = newToken();
    await this.save({ ...current, coordinatorTokenHash: hashToken(token) });
    await this.writeLink(token);
    // The answer goes to the coordinator's browser: relative without PUBLIC_URL, like board links.
    return { link: `${this.options.publicUrl ?? ''}/coordinator#k=${token}`, token };
  }

  private async isCoordinatorToken(token: string): Promise<boolean> {
    const hash = hashToken(token);
    if (this.options.envToken) return sameHash(hashToken(this.options.envToken), hash);
    const stored = (await this.installation())?.coordinatorTokenHash;
    return typeof stored === 'string' && sameHash(stored, hash);
  }

  /** The file's link: PUBLIC_URL, else the address this server listens at (never a request's Host). */
  private linkFor(token: string): string {
    return `${this.options.publicUrl ?? this.listenUrl}/coordinator#k=${token}`;
  }

  private async writeLink(token: string): Promise<void> {
    const path = joinPath(this.options.dataDir, 'coordinator-link.txt');
    try {
      await mkdir(this.options.dataDir, { recursive: true });
      await writeFile(path, `${this.linkFor(token)}\n`, { mode: 0o600 });
      await chmod(path, 0o600);
      this.log.warn({ path }, 'the coordinator link was written to a file: open it once, then keep it safe');
    } catch (error) {
      this.log.error({ err: error, path }, 'could not write the coordinator link; set COORDINATOR_TOKEN instead');
    }
  }

  private async installation(): Promise<Installation | null> {
    return (await this.records.get(SPACE.installation, 'settings', installationSchema))?.value ?? null;
  }

  private async required(): Promise<Installation> {
    const current = await this.installation();
    if (!current) throw new Error('installation record missing: ensure() runs at start');
    return current;
  }

  private save(installation: Installation): Promise<void> {
    return this.records.put(SPACE.installation, 'settings', installation);
  }
}
