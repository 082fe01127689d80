import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { POLL_LIMITS, POLL_TYPES, type Poll } from '../../shared';
import { useBoardSync } from '../board/BoardSyncContext';
import { resultErrorText } from '../i18n/errors';
import { useBoardStore } from '../state/board-store';
import { ErrorText } from '../ui/ErrorText';
import { draftOf, editorStateOf, type EditorState } from './editor-draft';

/**
 * Create or edit a poll: the question, its type and the type's own fields, the workshop
 * question and beacon it belongs to, and whether results are hidden until shown or live.
 * Saved only when the server accepted it; a refusal (e.g. changing the choices of a poll
 * that has answers) is said here.
 */
export function PollEditor({ poll, onDone }: { poll: Poll | null; onDone: (saved?: string) => void }) {
  const { t } = useTranslation();
  const sync = useBoardSync();
  const settings = useBoardStore((s) => s.settings);
  const [state, setState] = useState<EditorState>(() => editorStateOf(poll));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<EditorState>) => setState((s) => ({ ...s, ...patch }));
  const hasOptions = state.type === 'single' || state.type === 'multiple' || state.type === 'ranking';
  const maxOptions = state.type === 'ranking' ? POLL_LIMITS.maxRankingOptions : POLL_LIMITS.maxOptions;
  const id = (field: string) => `poll-editor-${poll?.id ?? 'new'}-${field}`;

  const save = async () => {
    if (busy) return;
    setBusy(true);
    const draft = draftOf(state);
    const result = poll ? await sync.request('poll:update', { pollId: poll.id, poll: draft }) : await sync.request('poll:create', { poll: draft });
    setBusy(false);
    if (result.ok) onDone(result.data.id);
    else setError(resultErrorText(t, result));
  };

  return (
    <form
      className="poll-editor"
      aria-labelledby={id('heading')}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3 id={id('heading')}>{poll ? t('polls.editor.editHeading') : t('polls.editor.createHeading')}</h3>
      <label className="poll-field">
        <span>{t('polls.editor.question')}</span>
        <textarea required rows={2} maxLength={POLL_LIMITS.question} value={state.question} onChange={(e) => set({ question: e.target.value })} />
      </label>
      <label className="poll-field">
        <span>{t('polls.editor.type')}</span>
        <select value={state.type} onChange={(e) => set({ type: e.target.value as EditorState['type'] })}>
          {POLL_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`polls.type.${type}`)}
            </option>
          ))}
        </select>
      </label>
      {hasOptions ? (
        <fieldset className="poll-editor__options">
          <legend>{t('polls.editor.options')}</legend>
          {state.options.map((option, i) => (
            <div key={option.id ?? `new-${i}`} className="poll-editor__option">
              <label className="poll-field">
                <span>{t('polls.editor.option', { n: i + 1 })}</span>
                <input
                  type="text"
                  maxLength={POLL_LIMITS.optionLabel}
                  value={option.label}
                  onChange={(e) => set({ options: state.options.map((o, j) => (j === i ? { ...o, label: e.target.value } : o)) })}
                />
              </label>
              <button
                type="button"
                className="poll-button"
                aria-label={t('polls.editor.removeOption', { n: i + 1 })}
                aria-disabled={state.options.length <= POLL_LIMITS.minOptions ? true : undefined}
                onClick={() => state.options.length > POLL_LIMITS.minOptions && set({ options: state.options.filter((_, j) => j !== i) })}
              >
                <span aria-hidden="true">×</span>
              </button>
            </div>
          ))}
          {state.options.length < maxOptions ? (
            <button type="button" className="poll-button" onClick={() => set({ options: [...state.options, { label: '' }] })}>
              {t('polls.editor.addOption')}
            </button>
          ) : null}
        </fieldset>
      ) : null}
      {state.type === 'multiple' ? (
        <label className="poll-field">
          <span>{t('polls.editor.maxChoices')}</span>
          <input type="number" min={1} max={state.options.length} value={state.maxChoices} onChange={(e) => set({ maxChoices: e.target.value })} />
        </label>
      ) : null}
      {state.type === 'scale' ? (
        <>
          <label className="poll-field">
            <span>{t('polls.editor.scaleMax')}</span>
            <select value={state.scaleMax} onChange={(e) => set({ scaleMax: e.target.value === '10' ? 10 : 5 })}>
              <option value={5}>{t('polls.editor.scale5')}</option>
              <option value={10}>{t('polls.editor.scale10')}</option>
            </select>
          </label>
          <label className="poll-field">
            <span>{t('polls.editor.minLabel')}</span>
            <input type="text" maxLength={POLL_LIMITS.scaleLabel} value={state.minLabel} onChange={(e) => set({ minLabel: e.target.value })} />
          </label>
          <label className="poll-field">
            <span>{t('polls.editor.maxLabel')}</span>
            <input type="text" maxLength={POLL_LIMITS.scaleLabel} value={state.maxLabel} onChange={(e) => set({ maxLabel: e.target.value })} />
          </label>
        </>
      ) : null}
      {state.type === 'wordcloud' ? (
        <label className="poll-field">
          <span>{t('polls.editor.maxWords')}</span>
          <select value={state.maxWords} onChange={(e) => set({ maxWords: Number(e.target.value) })}>
            {[1, 2, 3].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <label className="poll-field">
        <span>{t('polls.editor.workshopQuestion')}</span>
        <select value={state.questionId} onChange={(e) => set({ questionId: e.target.value })}>
          <option value="">{t('polls.editor.none')}</option>
          {settings?.questions.map((q) => (
            <option key={q.id} value={q.id}>
              {q.text}
            </option>
          ))}
        </select>
      </label>
      <label className="poll-field">
        <span>{t('polls.editor.beacon')}</span>
        <select value={state.beaconId} onChange={(e) => set({ beaconId: e.target.value })}>
          <option value="">{t('polls.editor.none')}</option>
          {settings?.beacons.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="poll-inputs">
        <legend>{t('polls.editor.resultMode')}</legend>
        {(['hidden', 'live'] as const).map((mode) => (
          <label key={mode} className="poll-choice">
            <input type="radio" name={id('mode')} value={mode} checked={state.resultMode === mode} onChange={() => set({ resultMode: mode })} />
            <span>{mode === 'hidden' ? t('polls.editor.resultHidden') : t('polls.editor.resultLive')}</span>
          </label>
        ))}
      </fieldset>
      <label className="poll-choice">
        <input type="checkbox" checked={state.inCall} onChange={(e) => set({ inCall: e.target.checked })} />
        <span>{t('polls.editor.inCall')}</span>
      </label>
      <ErrorText message={error} />
      <div className="poll-editor__actions">
        <button type="submit" className="poll-button poll-button--primary" aria-disabled={busy ? true : undefined}>
          {t('polls.editor.save')}
        </button>
        <button type="button" className="poll-button" onClick={() => onDone()}>
          {t('polls.editor.cancel')}
        </button>
      </div>
    </form>
  );
}
