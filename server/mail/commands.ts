import type { SocketHandlers } from '../core/register';
import type { FollowUp } from './follow-up';

/** The moderation-digest commands (docs/PROTOCOL.md §19), as handlers over the follow-up service. */
export function mailCommands(followUp: FollowUp) {
  return {
    'mail:subscribe': (p, { identity }) => followUp.subscribe(identity, p),
    // mailConfigured: without SMTP_URL no digest ever goes out, and the panel says so.
    'mail:subscription': async (_, { identity }) => ({ subscription: await followUp.subscription(identity), mailConfigured: followUp.enabled }),
    'mail:unsubscribe': (_, { identity }) => followUp.unsubscribeMe(identity),
  } satisfies Partial<SocketHandlers>;
}
