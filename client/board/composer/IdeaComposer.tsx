import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useBoardStore } from '../../state/board-store';
import { blockerFor } from '../../workshop/permissions';
import { blockerText } from '../../workshop/blockerText';
import { useWorkshopContext } from '../../workshop/useWorkshopContext';
import { useBoardSync } from '../BoardSyncContext';
import { IdeaTextField } from './IdeaTextField';
import { PlacementFields, type Placement } from './PlacementFields';
import { RescueNotice } from './RescueNotice';
import { SentLine, type SentIdea } from './SentLine';
import { useRoundKey } from '../../workshop/useRoundKey';
import { ComposerSuggestions } from '../../sensemaking/ComposerSuggestions';

/** The idea field's id: the board's skip link goes straight to it. */
export const COMPOSER_FIELD_ID = 'composer-text';

/** How much of a sent idea the confirmation quotes. */
const QUOTE = 60;

const EMPTY: Placement = { phase: null, principle: null, track: null, beacons: [], questionId: null };

/**
 * Adds an idea. Its question follows the board's focus question until the person picks
 * another one, so ideas in a live workshop land under the question being discussed. The
 * text lives in the store, so it survives the board being reloaded after a refusal; when
 * the step does not allow adding, the form folds away and says why, unless there is text
 * to keep.
 */
export function IdeaComposer() {
  const { t } = useTranslation();
  const ids = useId();
  const sync = useBoardSync();
  const ctx = useWorkshopContext();
  const { settings, workshop } = ctx;
  const announce = useBoardStore((s) => s.announce);
  const text = useBoardStore((s) => s.composerDraft);
  const setLive = useBoardStore((s) => s.setLive);
  const dismissRescue = useBoardStore((s) => s.dismissRescue);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const [placement, setPlacement] = useState<Placement>(EMPTY);
  const [questionChosen, setQuestionChosen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // What was sent last, shown under the button (the note itself may be far down the board);
  // it belongs to the round it was sent in, and a new step or question drops it.
  const [sent, setSent] = useState<(SentIdea & { seq: number; round: string }) | null>(null);
  const round = useRoundKey();

  const questionId = questionChosen ? placement.questionId : (settings?.focusQuestionId ?? null);
  const value: Placement = { ...placement, questionId };
  const blocker = blockerFor(ctx, 'add', questionId);
  // A facilitator may always write, but while the room may not (group, vote, results) an open
  // form only pushes the ideas down the laptop: it waits behind one button until asked for,
  // for the rest of this step of this question.
  const roomWrites = ctx.identity?.role !== 'facilitator' || blockerFor({ ...ctx, identity: { ...ctx.identity, role: 'participant' } }, 'add', questionId) === null;
  const [askedIn, setAskedIn] = useState<string | null>(null);
  const setText = (v: string) => setLive({ composerDraft: v });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (blocker) return;
    if (!text.trim()) {
      setError(t('composer.empty'));
      textRef.current?.focus();
      return;
    }
    const added = sync.addIdea({ ...value, text });
    if (!added) {
      setError(t('errors.generic'));
      return;
    }
    // New ideas go to the end of their group, which on a long group is not rendered yet.
    useBoardStore.getState().pinIdea(added.idea.id);
    setText('');
    dismissRescue();
    // Placement starts over (it is folded away, so keeping it would surprise); the question keeps following.
    setPlacement({ ...EMPTY, questionId: placement.questionId });
    setError(null);
    announce(added.hidden ? t('composer.addedHidden') : t('composer.added'));
    const quote = text.trim().length > QUOTE ? `${text.trim().slice(0, QUOTE)}…` : text.trim();
    setSent((s) => ({ ideaId: added.idea.id, text: quote, hidden: added.hidden, seq: (s?.seq ?? 0) + 1, round }));
    textRef.current?.focus();
  };

  const showForm = !blocker || text.trim() !== '';
  if (!roomWrites && askedIn !== round && text.trim() === '' && !(sent && sent.round === round)) {
    return (
      <section className="composer composer--offer" aria-label={t('composer.heading')}>
        <RescueNotice />
        <button
          id={COMPOSER_FIELD_ID}
          type="button"
          className="button composer__offer"
          aria-expanded="false"
          aria-describedby={`${ids}-offer`}
          onClick={() => {
            setAskedIn(round);
            // The field takes the id (and the skip link) once it is there.
            requestAnimationFrame(() => document.getElementById(COMPOSER_FIELD_ID)?.focus());
          }}
        >
          <span aria-hidden="true">+ </span>
          {t('composer.offer')}
        </button>
        <p id={`${ids}-offer`} className="composer__offer-help">
          {t('composer.offerHelp')}
        </p>
      </section>
    );
  }
  if (!showForm && blocker) {
    // Nothing to write and no words to keep: one line says why, and the ideas come next (on
    // a phone in the group and vote steps they are what the screen is for). Where the room's
    // status above already says it (the focus question's step, the lock), the line is only
    // read out. The skip link to the idea field lands here.
    const said = blocker.kind === 'locked' || (blocker.kind === 'step' && questionId === (settings?.focusQuestionId ?? null));
    return (
      <section className={`composer composer--folded${said ? ' composer--said' : ''}`} aria-label={t('composer.heading')}>
        <RescueNotice />
        <p id={COMPOSER_FIELD_ID} tabIndex={-1} className={`composer__blocked${said ? ' sr-only' : ''}`} data-blocked="add">
          {blockerText(t, 'add', blocker)}
        </p>
      </section>
    );
  }
  return (
    <section className="composer card" aria-labelledby={`${ids}-heading`}>
      <h2 id={`${ids}-heading`}>{t('composer.heading')}</h2>
      <RescueNotice />
      {workshop.silent && !blocker ? (
        <p id={`${ids}-silent`} className="composer__silent">
          {t('composer.silentHint')}
        </p>
      ) : null}
      {blocker ? (
        <p id={`${ids}-blocked`} className="composer__blocked" data-blocked="add">
          {blockerText(t, 'add', blocker)}
        </p>
      ) : null}
      {showForm ? (
        <form onSubmit={submit} noValidate>
          <IdeaTextField
            label={t('composer.text')}
            value={text}
            onChange={(v) => {
              setText(v);
              if (error && v.trim()) setError(null);
              if (sent && v.trim()) setSent(null);
            }}
            error={error}
            inputRef={textRef}
            id={COMPOSER_FIELD_ID}
            describedBy={blocker ? `${ids}-blocked` : workshop.silent ? `${ids}-silent` : undefined}
          />
          <ComposerSuggestions text={text} questionId={questionId} off={workshop.silent || blocker !== null} />
          <details className="composer__more">
            <summary>{t('composer.more')}</summary>
            <PlacementFields
              value={value}
              settings={settings}
              onChange={(next) => {
                if (next.questionId !== value.questionId) setQuestionChosen(true);
                setPlacement(next);
              }}
            />
          </details>
          <button type="submit" className="button button--primary composer__submit" disabled={blocker !== null}>
            {workshop.silent ? t('composer.submitHidden') : t('composer.submit')}
          </button>
          {/* Announced through the live region; this is the line people see. */}
          {sent && sent.round === round ? <SentLine key={sent.seq} sent={sent} /> : null}
        </form>
      ) : null}
    </section>
  );
}
