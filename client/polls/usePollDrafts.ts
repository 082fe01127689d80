import { useEffect } from 'react';
import type { PollDrafts } from '../../shared';
import type { BoardSync } from '../sync/board-sync';
import { usePollSync } from './usePollSync';
import { usePollsStore } from './polls-store';

/** What following the drafts needs of a board's sync object. */
export type DraftsChannel = Pick<BoardSync, 'request' | 'onServerEvent'>;

/**
 * Keeps `setDrafts` told of the board's drafts: asked at once and again on every
 * (re)connection (`session:hello`), and replaced whenever the server announces them.
 * A reply is dropped when an announcement arrived while it was on its way: the reply may
 * have been read before the change announced, and nothing newer would follow to correct
 * it; an announcement is always read after its change. Returns the function that stops.
 */
export function followDrafts(channel: DraftsChannel, setDrafts: (polls: PollDrafts['polls']) => void): () => void {
  let following = true;
  let announced = 0;
  const refresh = () => {
    const asked = announced;
    void channel.request('poll:drafts').then((r) => {
      if (following && r.ok && announced === asked) setDrafts(r.data.polls);
    });
  };
  const stops = [
    channel.onServerEvent('poll:drafts', (drafts) => {
      announced += 1;
      setDrafts(drafts.polls);
    }),
    channel.onServerEvent('session:hello', refresh),
  ];
  refresh();
  return () => {
    following = false;
    stops.forEach((stop) => stop());
  };
}

/**
 * Facilitators: the board's draft polls, which are in no document (`poll:drafts`: every
 * draft, after any change by anyone), in the polls store while the calling screen shows.
 */
export function usePollDrafts(sync?: BoardSync): void {
  const chosen = usePollSync(sync);
  useEffect(() => {
    const store = usePollsStore.getState();
    const stop = followDrafts(chosen, store.setDrafts);
    return () => {
      stop();
      // Another board (or none) comes next: its drafts are asked for afresh.
      store.setDrafts([]);
    };
  }, [chosen]);
}
