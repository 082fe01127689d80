import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../shared';
import { useBoardStore } from '../../state/board-store';
import { ErrorText } from '../../ui/ErrorText';
import { ToggleButton } from './ToggleButton';
import { useCommand } from './useCommand';

const valid = (n: number) => Number.isInteger(n) && n >= 1 && n <= LIMITS.votesMax;

/** Dot voting: votes per person and per idea, showing or hiding the totals, starting over. */
export function VotingCard() {
  const { t } = useTranslation();
  const ids = useId();
  const voting = useBoardStore((s) => s.workshop.voting);
  const revealed = useBoardStore((s) => s.workshop.votesRevealed);
  const focusId = useBoardStore((s) => s.settings?.focusQuestionId ?? null);
  const announce = useBoardStore((s) => s.announce);
  const { run, busy, error, setError } = useCommand();
  const [perPerson, setPerPerson] = useState(String(voting.votesPerPerson));
  const [perIdea, setPerIdea] = useState(String(voting.maxPerIdea));
  const [confirmReset, setConfirmReset] = useState(false);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const votesPerPerson = Number(perPerson);
    const maxPerIdea = Number(perIdea);
    if (!valid(votesPerPerson) || !valid(maxPerIdea)) {
      setError(t('console.votesInvalid', { max: LIMITS.votesMax }));
      return;
    }
    const result = await run('voting:configure', { votesPerPerson, maxPerIdea });
    if (result.ok) announce(t('console.votingSaved'));
  };

  const reset = async () => {
    setConfirmReset(false);
    const result = await run('voting:reset', focusId === null ? {} : { questionId: focusId });
    if (result.ok) announce(t('console.votesReset'));
  };

  return (
    <section className="console-card console-card--voting" aria-labelledby={`${ids}-heading`}>
      <h3 id={`${ids}-heading`}>{t('console.votingHeading')}</h3>
      <form className="voting-setup" onSubmit={(e) => void save(e)} noValidate>
        <div className="field">
          <label htmlFor={`${ids}-person`}>{t('console.votesPerPerson')}</label>
          <input id={`${ids}-person`} type="number" min={1} max={LIMITS.votesMax} value={perPerson} onChange={(e) => setPerPerson(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${ids}-idea`}>{t('console.maxPerIdea')}</label>
          <input id={`${ids}-idea`} type="number" min={1} max={LIMITS.votesMax} value={perIdea} onChange={(e) => setPerIdea(e.target.value)} />
        </div>
        <button type="submit" className="button button--small" disabled={busy}>
          {t('console.saveVoting')}
        </button>
      </form>
      <p className="hint">{t('console.votingNow', { perPerson: voting.votesPerPerson, perIdea: voting.maxPerIdea })}</p>
      <ToggleButton
        pressed={revealed}
        label={t('console.showTotals')}
        stateText={revealed ? t('console.shown') : t('console.hidden')}
        disabled={busy}
        onToggle={() => void run('voting:reveal', { revealed: !revealed })}
      />
      {confirmReset ? (
        <div className="confirm" role="group" aria-label={t('console.resetConfirm')}>
          <p>{t('console.resetConfirm')}</p>
          <button type="button" className="button button--danger button--small" onClick={() => void reset()}>
            {t('console.resetYes')}
          </button>
          <button type="button" className="button button--small" autoFocus onClick={() => setConfirmReset(false)}>
            {t('app.cancel')}
          </button>
        </div>
      ) : (
        <button type="button" className="button button--quiet button--small" onClick={() => setConfirmReset(true)}>
          {t('console.resetVotes')}
        </button>
      )}
      <ErrorText message={error} />
    </section>
  );
}
