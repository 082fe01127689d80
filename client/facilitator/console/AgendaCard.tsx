import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STEPS, stepOfQuestion, type Step } from '../../../shared';
import { useBoardSync } from '../../board/BoardSyncContext';
import { resultErrorText } from '../../i18n/errors';
import { useBoardStore } from '../../state/board-store';
import { ErrorText } from '../../ui/ErrorText';
import { VotingProgress } from '../../workshop/RoomProgress';
import { useCommand } from './useCommand';

/**
 * The evening's agenda: for the question in focus, its step Write → Reveal → Group → Vote →
 * Results, forward or back, first (pressed at every change of step); under it the questions,
 * folded once one is in focus, to pick which one the room works on. Entering
 * Reveal publishes the hidden ideas, entering Results shows the vote totals: that is what
 * the step names promise the room.
 */
export function AgendaCard({ onEditQuestions }: { onEditQuestions: () => void }) {
  const { t } = useTranslation();
  const ids = useId();
  const sync = useBoardSync();
  const settings = useBoardStore((s) => s.settings);
  const workshop = useBoardStore((s) => s.workshop);
  const announce = useBoardStore((s) => s.announce);
  const { run, busy, error, setError } = useCommand();
  // null: open only while no question is in focus; then what the facilitator chose.
  const [questionsOpen, setQuestionsOpen] = useState<boolean | null>(null);
  if (!settings) return null;
  const focusId = settings.focusQuestionId;
  const current: Step | null = focusId ? stepOfQuestion(workshop, focusId) : null;
  const index = current ? STEPS.indexOf(current) : -1;

  const focus = async (questionId: string) => {
    const result = await sync.updateSettings({ focusQuestionId: questionId });
    setError(result.ok ? null : resultErrorText(t, result));
  };

  const goTo = async (step: Step) => {
    if (!focusId) return;
    // Moving to "reveal" also ends silent writing and publishes the hidden ideas (the server does both).
    const result = await run('workshop:setStep', { questionId: focusId, step });
    if (!result.ok) return;
    if (step === 'results' && !workshop.votesRevealed) await run('voting:reveal', { revealed: true });
    announce(t('console.stepNow', { step: t(`workshop.steps.${step}`) }));
  };

  const focusNumber = settings.questions.findIndex((q) => q.id === focusId) + 1;
  const listOpen = questionsOpen ?? focusNumber === 0;

  return (
    <section className="console-card console-card--agenda" aria-labelledby={`${ids}-heading`}>
      <h3 id={`${ids}-heading`}>{t('console.agendaHeading')}</h3>
      {current ? (
        <div className="stepper" role="group" aria-labelledby={`${ids}-stepper`}>
          <p id={`${ids}-stepper`} className="stepper__label">
            {t('console.stepperLabel')}
          </p>
          <ol className="stepper__steps">
            {STEPS.map((step, i) => (
              <li key={step}>
                <button
                  type="button"
                  className={`stepper__step${step === current ? ' stepper__step--current' : i < index ? ' stepper__step--done' : ''}`}
                  aria-current={step === current ? 'step' : undefined}
                  disabled={busy}
                  onClick={() => void goTo(step)}
                >
                  <span className="stepper__number" aria-hidden="true">
                    {i + 1}
                  </span>
                  {t(`workshop.steps.${step}`)}
                </button>
              </li>
            ))}
          </ol>
          <div className="stepper__nav">
            <button type="button" className="button button--small" disabled={busy || index <= 0} onClick={() => void goTo(STEPS[index - 1]!)}>
              {index > 0 ? t('console.back', { step: t(`workshop.steps.${STEPS[index - 1]!}`) }) : t('console.backNone')}
            </button>
            <button
              type="button"
              className="button button--primary button--small"
              disabled={busy || index >= STEPS.length - 1}
              onClick={() => void goTo(STEPS[index + 1]!)}
            >
              {index < STEPS.length - 1 ? t('console.next', { step: t(`workshop.steps.${STEPS[index + 1]!}`) }) : t('console.nextNone')}
            </button>
          </div>
          <p className="hint">{t(`console.stepHint.${current}`)}</p>
          {/* While the room votes, and in its results: how far the vote got, under the stepper
              in the first screen (counts the server sends, never who voted for what). */}
          {current === 'vote' || current === 'results' ? <VotingProgress className="voting__progress" /> : null}
        </div>
      ) : settings.questions.length > 0 ? (
        <p className="hint">{t('console.pickFocus')}</p>
      ) : null}
      {settings.questions.length === 0 ? (
        <p className="hint">{t('console.noQuestions')}</p>
      ) : (
        <>
          {/* The questions fold under the stepper: the step changes often, the question seldom. */}
          <div className="agenda__switch">
            {focusNumber > 0 ? <p>{t('console.focusOf', { n: focusNumber, total: settings.questions.length })}</p> : null}
            <button
              type="button"
              className="button button--small"
              aria-expanded={listOpen}
              aria-controls={`${ids}-questions`}
              onClick={() => setQuestionsOpen(!listOpen)}
            >
              {t('console.switchQuestion', { count: settings.questions.length })}
            </button>
          </div>
          <ol id={`${ids}-questions`} className="agenda" hidden={!listOpen}>
            {settings.questions.map((q, i) => {
              const isFocus = q.id === focusId;
              return (
                <li key={q.id} className={`agenda__item${isFocus ? ' agenda__item--focus' : ''}`} data-question={q.id}>
                  <span className="agenda__number" aria-hidden="true">
                    {i + 1}
                  </span>
                  <span id={`${ids}-q-${q.id}`} className="agenda__text">
                    {q.text}
                  </span>
                  <span className="agenda__meta">
                    <span className="agenda__step">{t(`workshop.steps.${stepOfQuestion(workshop, q.id)}`)}</span>
                    {isFocus ? (
                      <strong className="agenda__focus">{t('console.inFocus')}</strong>
                    ) : (
                      <button type="button" className="button button--small" aria-describedby={`${ids}-q-${q.id}`} onClick={() => void focus(q.id)}>
                        {t('console.focus')}
                      </button>
                    )}
                  </span>
                </li>
              );
            })}
          </ol>
        </>
      )}
      <p>
        <button type="button" className="button button--quiet button--small" onClick={onEditQuestions}>
          {t('console.editQuestions')}
        </button>
      </p>
      <ErrorText message={error} />
    </section>
  );
}
