import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { ErrorCode, LIMITS, awarenessStateSchema, type Identity, type ProtocolError } from '../../shared';

interface GuardContext {
  /** The awareness client id this connection already uses, if any. */
  boundClientId: number | null;
  identity: Identity;
  /** Whether another connection on the board uses this client id. */
  isTaken(clientId: number): boolean;
}

type GuardResult = { ok: true; clientId: number; update: Uint8Array } | { ok: false; error: ProtocolError };

const refuse = (code: ProtocolError['code'], message: string): GuardResult => ({ ok: false, error: { code, message } });

/**
 * Checks one awareness message and rewrites it: exactly one client id per connection, a
 * bounded state of the documented shape, and `user` replaced by the identity the server
 * bound to the connection — so presence cannot be spoofed.
 */
export function guardAwareness(decoder: decoding.Decoder, ctx: GuardContext): GuardResult {
  let clientId: number;
  let clock: number;
  let stateJson: string;
  try {
    const raw = decoding.readVarUint8Array(decoder);
    if (raw.length > LIMITS.awarenessBytes) return refuse(ErrorCode.TOO_LARGE, 'The awareness state is too large.');
    const inner = decoding.createDecoder(raw);
    const count = decoding.readVarUint(inner);
    if (count !== 1) return refuse(ErrorCode.BAD_REQUEST, 'An awareness message carries exactly one client.');
    clientId = decoding.readVarUint(inner);
    clock = decoding.readVarUint(inner);
    stateJson = decoding.readVarString(inner);
  } catch {
    return refuse(ErrorCode.BAD_REQUEST, 'Unreadable awareness message.');
  }
  if (ctx.boundClientId !== null && clientId !== ctx.boundClientId) {
    return refuse(ErrorCode.CLIENT_ID_TAKEN, 'One awareness client id per connection.');
  }
  if (ctx.boundClientId === null && ctx.isTaken(clientId)) {
    return refuse(ErrorCode.CLIENT_ID_TAKEN, 'That awareness client id belongs to another connection.');
  }
  let state: unknown;
  try {
    state = JSON.parse(stateJson);
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
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint(encoder, clientId);
  encoding.writeVarUint(encoder, clock);
  encoding.writeVarString(encoder, JSON.stringify(rewritten));
  return { ok: true, clientId, update: encoding.toUint8Array(encoder) };
}
