/**
 * The public face of moderation: what other features may import. Kept light on purpose (the
 * restore worker loads it): the factory lives in create-moderation.ts, which only
 * create-server.ts imports.
 */
export type { Moderation } from './create-moderation';
export { actorOf, PUBLIC_ACTOR, type FollowUpHooks, type ModerationContext } from './context';
export { contactSchema, followUpEventSchemas, type Contact, type FollowUpEvent } from './follow-up-events';
export { auditKey } from './audit';
export { positionAtEnd, publishOnce } from './board-ideas';
export type { IdeaModeration } from './idea-moderation';
