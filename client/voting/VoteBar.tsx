import { useTranslation } from 'react-i18next';
import { canWrite } from '../board/permissions';
import { useBoardStore } from '../state/board-store';
import { questionKey } from '../state/slices/live';
import { votingQuestions } from '../sync/workshop-session';
import { VoteDots } from './VoteDots';

/**
 * "You have 3 of 5 votes left", kept in view (sticky at the bottom of a phone) while a
 * question is in its vote step. One line per question that is voting, usually one.
 */
export function VoteBar() {
  const { t } = useTranslation();
  const identity = useBoardStore((s) => s.identity);
  const workshop = useBoardStore((s) => s.workshop);
  const settings = useBoardStore((s) => s.settings);
  const myVotes = useBoardStore((s) => s.myVotes);
  if (!canWrite(identity) || !settings) return null;
  const voting = votingQuestions(workshop, settings).filter(
    (id) => id !== null && workshop.steps[id] === 'vote',
  ) as string[];
  if (voting.length === 0) return null;
  const perPerson = workshop.voting.votesPerPerson;
  return (
    <section className="vote-bar" aria-label={t('voting.barLabel')} data-vote-bar="">
      {voting.map((questionId) => {
        const mine = myVotes[questionKey(questionId)];
        const question = settings.questions.find((q) => q.id === questionId)?.text ?? '';
        const remaining = mine?.remaining ?? null;
        return (
          <div key={questionId} className="vote-bar__line">
            {voting.length > 1 ? <p className="vote-bar__question">{question}</p> : null}
            <p className="vote-bar__left" data-remaining={remaining ?? ''}>
              {remaining === null ? t('app.loading') : t('voting.remaining', { count: remaining, total: perPerson })}
            </p>
            {remaining !== null ? <VoteDots className="dots--bar" filled={remaining} total={perPerson} /> : null}
            <p className="vote-bar__rule">{t('voting.rule', { max: workshop.voting.maxPerIdea })}</p>
          </div>
        );
      })}
    </section>
  );
}
