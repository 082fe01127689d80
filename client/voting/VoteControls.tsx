import { useState } from 'react';
import { useT } from '../i18n/useT';
import type { Idea } from '../../shared';
import { useBoardSync } from '../board/BoardSyncContext';
import { resultErrorText } from '../i18n/errors';
import { useIdeaFields } from '../state/idea-fields';
import { questionKey } from '../state/slices/live';
import { VoteDots } from './VoteDots';

/**
 * A note's dot-vote buttons: − and +, with this person's votes as dots and in words. The
 * server decides (budget, per-idea limit, step); a refusal is said right here, where the
 * person is looking, and announced. Clicks while a vote is on its way are ignored rather
 * than the button disabled, so keyboard focus stays on it.
 */
export function VoteControls({ idea, describedBy }: { idea: Idea; describedBy: string }) {
  const t = useT();
  const sync = useBoardSync();
  // One subscription keyed by the idea (state/idea-fields.ts): every note shown has these buttons in the vote step.
  const { mine, remaining, maxPerIdea, announce } = useIdeaFields(idea.id, (s) => ({
    mine: s.myVotes[questionKey(idea.questionId)]?.votes[idea.id] ?? 0,
    remaining: s.myVotes[questionKey(idea.questionId)]?.remaining ?? null,
    maxPerIdea: s.workshop.voting.maxPerIdea,
    announce: s.announce,
  }));
  const [busy, setBusy] = useState(false);
  // A refusal stays shown until this person's votes change (here or on another idea), then it is old news.
  const [error, setError] = useState<{ text: string; remaining: number | null } | null>(null);
  const shownError = error && error.remaining === remaining ? error.text : null;

  const vote = async (action: 'cast' | 'retract') => {
    if (busy || !sync.workshop) return;
    setBusy(true);
    const result = await sync.workshop.vote(idea.id, action);
    setBusy(false);
    setError(result.ok ? null : { text: resultErrorText(t, result), remaining });
    // A vote the person gave or took back is said, with what is left (the bar shows it too).
    if (result.ok) {
      const left = result.data.remaining;
      announce(t(action === 'cast' ? 'room.voteCast' : 'room.voteRetracted', { count: left }));
    }
  };

  return (
    <div className="vote" role="group" aria-label={t('voting.group')} data-votes={mine}>
      <div className="vote__row">
        <button
          type="button"
          className="vote__button"
          aria-label={t('voting.retract')}
          aria-describedby={describedBy}
          aria-disabled={mine === 0 ? true : undefined}
          onClick={() => (mine > 0 ? void vote('retract') : undefined)}
        >
          <span aria-hidden="true">−</span>
        </button>
        <span className="vote__mine">
          <VoteDots filled={mine} total={maxPerIdea} />
          <span className="vote__count">{t('voting.mine', { count: mine })}</span>
        </span>
        <button
          type="button"
          className="vote__button vote__button--cast"
          aria-label={t('voting.cast')}
          aria-describedby={describedBy}
          // Looks and reads as unavailable at the idea's limit or with no votes left; a tap still
          // asks the server, whose refusal says why right here.
          aria-disabled={mine >= maxPerIdea || remaining === 0 ? true : undefined}
          onClick={() => void vote('cast')}
        >
          <span aria-hidden="true">+</span>
        </button>
      </div>
      <p role="alert" className={shownError ? 'vote__error' : 'sr-only'}>
        {shownError ?? ''}
      </p>
    </div>
  );
}
