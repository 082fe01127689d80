import type { CommandChannel } from './command-channel';

const SAMPLES = 3;

/**
 * Measures how far this device's clock is from the server's (NTP-style): the server's time
 * is taken to be read halfway through the round trip, and of a few samples the one with
 * the shortest round trip wins, as it has the least room for error. Null when offline.
 */
export async function measureClockOffset(channel: CommandChannel): Promise<number | null> {
  let best: { rtt: number; offset: number } | null = null;
  for (let i = 0; i < SAMPLES; i++) {
    const sent = Date.now();
    const result = await channel.request('time:sync');
    const received = Date.now();
    if (!result.ok) continue;
    const rtt = received - sent;
    const offset = result.data.serverTime - (sent + received) / 2;
    if (!best || rtt < best.rtt) best = { rtt, offset };
  }
  return best ? Math.round(best.offset) : null;
}
