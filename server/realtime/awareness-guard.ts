import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { ErrorCode, LIMITS, awarenessStateSchema, type Identity, type ProtocolError } from '../../shared';

interface GuardContext {
  /** The awareness client id this connection already uses, if any. */
  boundClientId: number | null;
  identity: Identity;
}

type GuardResult =
  /** The connection's own entry: `encode(floor)` is the rewritten update, its clock at least `floor`. */
  | { ok: true; clientId: number; encode(clockFloor: number): Uint8Array }
  | { ok: true; clientId: null }
  | { ok: false; error: ProtocolError };

const refuse = (code: ProtocolError['code'], message: string): GuardResult => ({ ok: false, error: { code, message } });

/** Enough for a large room's presence, which y-websocket echoes back in one message. */
const MAX_ENTRIES = 10_000;

/**
 * Checks one awareness message and rewrites it: one client id per connection (the first it
 * announces), a bounded state of the documented shape, and `user` replaced by the identity
 * the server bound to the connection — so presence cannot be spoofed. Whether the id is the
 * connection's to use is for the caller to check (YjsConnection, bindClientId).
 *
 * y-websocket's provider re-sends every awareness change it hears, other clients' included,
 * so entries for other client ids are expected: they are echoes, and ignored.
 */
export function guardAwareness(decoder: decoding.Decoder, ctx: GuardContext): GuardResult {
  let own: { clientId: number; clock: number; json: string } | null = null;
  try {
    const inner = decoding.createDecoder(decoding.readVarUint8Array(decoder));
    const count = decoding.readVarUint(inner);
    if (count > MAX_ENTRIES) return refuse(ErrorCode.TOO_LARGE, 'Too many awareness entries.');
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(inner);
      const clock = decoding.readVarUint(inner);
      const json = decoding.readVarString(inner);
      const isOwn = ctx.boundClientId === null ? i === 0 : clientId === ctx.boundClientId;
      if (isOwn) own = { clientId, clock, json };
    }
  } catch {
    return refuse(ErrorCode.BAD_REQUEST, 'Unreadable awareness message.');
  }
  if (!own) return { ok: true, clientId: null };
  if (own.json.length > LIMITS.awarenessBytes) return refuse(ErrorCode.TOO_LARGE, 'The awareness state is too large.');
  let state: unknown;
  try {
    state = JSON.parse(own.json);
  } catch {
    return refuse(ErrorCode.BAD_REQUEST, 'The awareness state is not JSON.');
  }
  let rewritten: unknown = null;
  if (state !== null) {
    const parsed = awarenessStateSchema.safeParse(state);
    if (!parsed.success) return refuse(ErrorCode.VALIDATION_FAILED, 'The awareness state has an unknown shape.');
    const { identity } = ctx;
    rewritten = {
      ...parsed.data,
      user: {
        participantId: identity.participantId,
        name: identity.displayName,
        role: identity.role,
        contributorType: identity.contributorType,
      },
    };
  }
  const { clientId, clock } = own;
  const json = JSON.stringify(rewritten);
  const encode = (clockFloor: number) => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, Math.max(clock, clockFloor));
    encoding.writeVarString(encoder, json);
    return encoding.toUint8Array(encoder);
  };
  return { ok: true, clientId, encode };
}
