import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useBoardStore } from '../../state/board-store';
import { useBoardSync } from '../BoardSyncContext';
import { IdeaTextField } from './IdeaTextField';
import { PlacementFields, type Placement } from './PlacementFields';

const EMPTY: Placement = { phase: null, principle: null, track: null, beacons: [], questionId: null };

/**
 * Adds an idea. Its question follows the board's focus question until the person picks
 * another one, so ideas in a live workshop land under the question being discussed.
 */
export function IdeaComposer() {
  const { t } = useTranslation();
  const ids = useId();
  const sync = useBoardSync();
  const settings = useBoardStore((s) => s.settings);
  const announce = useBoardStore((s) => s.announce);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState('');
  const [placement, setPlacement] = useState<Placement>(EMPTY);
  const [questionChosen, setQuestionChosen] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const questionId = questionChosen ? placement.questionId : (settings?.focusQuestionId ?? null);
  const value: Placement = { ...placement, questionId };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) {
      setError(t('composer.empty'));
      textRef.current?.focus();
      return;
    }
    const idea = sync.addIdea({ ...value, text });
    if (!idea) {
      setError(t('errors.generic'));
      return;
    }
    setText('');
    // Placement starts over (it is folded away, so keeping it would surprise); the question keeps following.
    setPlacement({ ...EMPTY, questionId: placement.questionId });
    setError(null);
    announce(t('composer.added'));
    textRef.current?.focus();
  };

  return (
    <section className="composer card" aria-labelledby={`${ids}-heading`}>
      <h2 id={`${ids}-heading`}>{t('composer.heading')}</h2>
      <form onSubmit={submit} noValidate>
        <IdeaTextField
          label={t('composer.text')}
          value={text}
          onChange={(v) => {
            setText(v);
            if (error && v.trim()) setError(null);
          }}
          error={error}
          inputRef={textRef}
        />
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
        <button type="submit" className="button button--primary">
          {t('composer.submit')}
        </button>
      </form>
    </section>
  );
}
