import { ErrorCode, type Identity, type WorkshopState } from '../../shared';
import { ServiceError } from './errors';

/**
 * The role checks every feature makes before it acts. One copy here, so a feature does not
 * reach into another feature's context for them (moderation, mail and polls used to).
 */
export function requireFacilitator(identity: Identity, what: string): void {
  if (identity.role !== 'facilitator') throw new ServiceError(ErrorCode.FORBIDDEN, `Only facilitators ${what}.`, 403);
}

/** Participants and facilitators; observers (the projector) write nothing. */
export function requireWriter(identity: Identity): void {
  if (identity.role === 'observer') throw new ServiceError(ErrorCode.READ_ONLY, 'Observers cannot change the board.', 403);
}

export function requireUnlocked(identity: Identity, workshop: WorkshopState): void {
  if (workshop.locked && identity.role !== 'facilitator') {
    throw new ServiceError(ErrorCode.BOARD_LOCKED, 'The facilitator has locked the board.', 403);
  }
}
