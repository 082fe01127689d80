import type { Awareness } from 'y-protocols/awareness';
import { awarenessUserSchema, type Identity } from '../../shared';
import type { PresentUser } from '../state/slices/content';

/**
 * Reads who else is here from awareness. Only `user` as filled in by the server counts
 * (a client cannot spoof it); a person with several tabs or devices appears once.
 */
export function readPresence(awareness: Awareness): PresentUser[] {
  const byParticipant = new Map<string, PresentUser>();
  for (const [clientId, state] of awareness.getStates()) {
    if (clientId === awareness.clientID) continue;
    const user = awarenessUserSchema.safeParse((state as { user?: unknown }).user);
    if (!user.success) continue;
    const editing = typeof (state as { editing?: unknown }).editing === 'string' ? (state.editing as string) : null;
    const existing = byParticipant.get(user.data.participantId);
    byParticipant.set(user.data.participantId, { ...user.data, editing: editing ?? existing?.editing ?? null });
  }
  return [...byParticipant.values()];
}

export function watchPresence(awareness: Awareness, onChange: (present: PresentUser[]) => void): () => void {
  const handler = () => onChange(readPresence(awareness));
  awareness.on('change', handler);
  handler();
  return () => awareness.off('change', handler);
}

/**
 * The people the room counts: participants, each once however many tabs (this device's own
 * other tabs are in `present`, this tab is `me`). Facilitators are listed but not counted; a
 * screen is not a person. The phone's count, the console's and the projector's all come from
 * here, so the room never sees two numbers.
 */
export function countedPeople(present: readonly PresentUser[], me: Identity | null): number {
  const ids = new Set(present.filter((p) => p.role === 'participant').map((p) => p.participantId));
  if (me?.role === 'participant') ids.add(me.participantId);
  return ids.size;
}
