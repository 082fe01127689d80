import type { Idea, Identity } from '../../shared';

/**
 * What the interface offers, mirroring the server's policy (the server enforces it; this
 * only avoids offering what would be refused). Observers write nothing; anyone who writes
 * may move any idea; text and deletion belong to the author and facilitators.
 */
export function canWrite(identity: Identity | null): boolean {
  return identity !== null && identity.role !== 'observer';
}

export function canEditIdea(identity: Identity | null, idea: Idea): boolean {
  if (!identity) return false;
  return identity.role === 'facilitator' || (identity.role === 'participant' && idea.authorId === identity.participantId);
}
