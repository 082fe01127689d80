import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { WebsocketProvider } from 'y-websocket';
import { YMessage } from '../../shared';
import { applyServerUpdatesAsReceived } from './remote-updates';

export interface CustomMessageHandlers {
  onSaved: () => void;
  onError: (code: string, message: string) => void;
}

/**
 * Adapts y-websocket's provider to the Samskab server:
 * - handles the Saved and Error messages (shared/protocol/yjs-messages.ts);
 * - applies the server's updates without Yjs encoding each one again (remote-updates.ts);
 * - sends only this client's own awareness state. The stock provider echoes every
 *   awareness update it receives, other people's included; the server binds one client id
 *   per connection (so presence cannot be spoofed) and ignores the rest, so the echo is
 *   only wasted traffic, up to every state on the board on each change.
 */
export function adaptProvider(provider: WebsocketProvider, handlers: CustomMessageHandlers): void {
  applyServerUpdatesAsReceived(provider);
  // Saved carries (clientId, clock); one arrives per accepted message, which is what counts.
  provider.messageHandlers[YMessage.Saved] = () => handlers.onSaved();
  provider.messageHandlers[YMessage.Error] = (_encoder, decoder) => {
    const code = decoding.readVarString(decoder);
    const message = decoding.readVarString(decoder);
    handlers.onError(code, message);
  };

  const { awareness } = provider;
  awareness.off('update', provider._awarenessUpdateHandler);
  const sendOwnAwareness = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
    const own = awareness.clientID;
    if (!added.includes(own) && !updated.includes(own) && !removed.includes(own)) return;
    const ws = provider.ws;
    if (!provider.wsconnected || !ws || ws.readyState !== WebSocket.OPEN) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, YMessage.Awareness);
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, [own]));
    ws.send(encoding.toUint8Array(encoder));
  };
  // Stored where the provider keeps its own, so provider.destroy() unregisters it.
  provider._awarenessUpdateHandler = sendOwnAwareness;
  awareness.on('update', sendOwnAwareness);
}
