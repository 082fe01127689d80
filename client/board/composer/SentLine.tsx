import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBoardStore, type BoardState } from '../../state/board-store';
import { deriveSaveStatus } from '../../state/slices/connection';

/** The idea sent last from the composer, quoted under its button. */
export interface SentIdea {
  ideaId: string;
  /** The quote (the start of the text). */
  text: string;
  /** Sent through silent writing (kept from the others until the reveal). */
  hidden: boolean;
}

type Delivery = 'sent' | 'sending' | 'device';

/**
 * Where the idea is: with the server, on its way, or kept on this device until the network
 * is back. A shared idea is with the server once the save light is "saved" (the server's
 * Saved covered every change of this device); a silent one once it has left the outbox
 * (the server answered its submission).
 */
function deliveryOf(s: BoardState, sent: SentIdea): Delivery {
  if (sent.hidden) {
    if (!s.outbox.some((idea) => idea.id === sent.ideaId)) return 'sent';
    return s.commandsOnline && s.connection.network ? 'sending' : 'device';
  }
  const status = deriveSaveStatus(s.connection);
  if (status === 'saved') return 'sent';
  return status === 'local' || status === 'offline' ? 'device' : 'sending';
}

/**
 * The line under the composer's button: it says "sent" only once the server has the idea,
 * never while it is only on this phone (offline, or the room's Wi-Fi dropped), and then
 * stays "sent" (a later change of something else does not take it back). Mount it with a
 * key per sent idea.
 */
export function SentLine({ sent }: { sent: SentIdea }) {
  const { t } = useTranslation();
  const delivery = useBoardStore((s) => deliveryOf(s, sent));
  const [delivered, setDelivered] = useState(false);
  // Adjusting state while rendering (React's pattern for state derived from a change).
  if (delivery === 'sent' && !delivered) setDelivered(true);
  const shown: Delivery = delivered ? 'sent' : delivery;
  const text =
    shown === 'sent'
      ? sent.hidden
        ? t('room.sentHidden', { text: sent.text })
        : t('room.sent', { text: sent.text })
      : shown === 'device'
        ? t('room.sentOnDevice', { text: sent.text })
        : t('room.sending', { text: sent.text });
  return (
    <p className="composer__sent" data-sent={shown}>
      {shown === 'sent' ? (
        <>
          <span aria-hidden="true" className="composer__sent-mark">
            ✓
          </span>{' '}
        </>
      ) : null}
      {text}
    </p>
  );
}
