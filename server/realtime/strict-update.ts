import * as Y from 'yjs';
import type * as decoding from 'lib0/decoding';

export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

/** The byte reader behind the last UpdateDecoderV1 made: decoding is synchronous, so it is ours. */
let lastReader: decoding.Decoder | null = null;

class TrackedDecoderV1 extends Y.UpdateDecoderV1 {
  constructor(reader: decoding.Decoder) {
    super(reader);
    lastReader = reader;
  }
}

export class UpdateEncodingError extends Error {}

/**
 * Decodes a Yjs v1 update and insists that the bytes are exactly one. Yjs's own decoder
 * stops where the update's structs and deletions end and ignores whatever follows, and it
 * reads most v2 updates as an empty v1 update: applying either would "succeed" with nothing
 * or part of it stored. Used for every client update (update-inspector.ts) and for restored
 * backups (server/export/restore-check.ts). Throws UpdateEncodingError.
 */
export function decodeUpdateStrict(update: Uint8Array): DecodedUpdate {
  let decoded: DecodedUpdate;
  try {
    decoded = Y.decodeUpdateV2(update, TrackedDecoderV1);
  } catch {
    throw new UpdateEncodingError('The update could not be decoded (Yjs v1 encoding expected).');
  }
  const end = lastReader?.pos ?? -1;
  lastReader = null;
  if (end !== update.length) {
    throw new UpdateEncodingError(
      `The update has ${update.length - end} bytes after its end: a Yjs v2 update, or trailing junk (Yjs v1 encoding expected).`,
    );
  }
  return decoded;
}
