import { useTranslation } from 'react-i18next';
import { POLL_LIMITS, pollOptions, type Poll } from '../../shared';
import { moved, type AnswerDraft } from './answer-draft';

/**
 * The inputs of one poll type: native radios, checkboxes and text fields (so the keyboard
 * and screen readers work as everywhere), each row a 44 px target; a ranking moves with
 * up and down buttons, which work by keyboard where dragging would not.
 */
export function AnswerInputs({ poll, draft, onChange, disabled }: { poll: Poll; draft: AnswerDraft; onChange: (draft: AnswerDraft) => void; disabled: boolean }) {
  const { t } = useTranslation();
  const name = `poll-${poll.id}`;
  const options = pollOptions(poll);
  const labelOf = new Map(options.map((o) => [o.id, o.label]));
  switch (poll.type) {
    case 'single':
    case 'multiple': {
      const multiple = poll.type === 'multiple';
      const max = poll.type === 'multiple' ? (poll.maxChoices ?? options.length) : 1;
      return (
        <fieldset className="poll-inputs" disabled={disabled}>
          <legend className="sr-only">{poll.question}</legend>
          {multiple && max < options.length ? <p className="poll-inputs__hint">{t('polls.answer.chooseUpTo', { count: max })}</p> : null}
          {options.map((o) => {
            const checked = draft.chosen.includes(o.id);
            const toggle = () => {
              if (!multiple) return onChange({ ...draft, chosen: [o.id] });
              const chosen = checked ? draft.chosen.filter((id) => id !== o.id) : [...draft.chosen, o.id];
              onChange({ ...draft, chosen });
            };
            return (
              <label key={o.id} className="poll-choice">
                <input type={multiple ? 'checkbox' : 'radio'} name={name} value={o.id} checked={checked} onChange={toggle} />
                <span>{o.label}</span>
              </label>
            );
          })}
        </fieldset>
      );
    }
    case 'scale':
      return (
        <fieldset className="poll-inputs poll-inputs--scale" disabled={disabled}>
          <legend className="sr-only">{poll.question}</legend>
          <div className="poll-scale-input">
            {Array.from({ length: poll.scaleMax }, (_, i) => i + 1).map((v) => (
              <label key={v} className="poll-scale-input__step">
                <input type="radio" name={name} value={v} checked={draft.value === v} onChange={() => onChange({ ...draft, value: v })} />
                <span>{v}</span>
              </label>
            ))}
          </div>
          {/* End labels are optional: without them the numbers say it all (no dangling "1:"). */}
          {poll.minLabel || poll.maxLabel ? (
            <p className="poll-scale__ends">
              <span>{poll.minLabel ? `1: ${poll.minLabel}` : ''}</span>
              <span>{poll.maxLabel ? `${poll.scaleMax}: ${poll.maxLabel}` : ''}</span>
            </p>
          ) : null}
        </fieldset>
      );
    case 'wordcloud':
      return (
        <fieldset className="poll-inputs" disabled={disabled}>
          <legend className="sr-only">{poll.question}</legend>
          <p className="poll-inputs__hint">{t('polls.answer.wordsHint', { count: poll.maxWords })}</p>
          {Array.from({ length: poll.maxWords }, (_, i) => (
            <label key={i} className="poll-field">
              <span>{t('polls.answer.words', { n: i + 1 })}</span>
              <input
                type="text"
                maxLength={POLL_LIMITS.wordLength}
                autoComplete="off"
                value={draft.words[i] ?? ''}
                onChange={(e) => {
                  const words = [...draft.words];
                  words[i] = e.target.value;
                  onChange({ ...draft, words });
                }}
              />
            </label>
          ))}
        </fieldset>
      );
    case 'ranking':
      return (
        <fieldset className="poll-inputs" disabled={disabled}>
          <legend className="sr-only">{poll.question}</legend>
          <p className="poll-inputs__hint">{t('polls.answer.rankHint')}</p>
          <ol className="poll-rank-input">
            {draft.order.map((id, i) => {
              const label = labelOf.get(id) ?? id;
              return (
                <li key={id} className="poll-rank-input__item">
                  <span className="poll-rank-input__place">{t('polls.answer.place', { n: i + 1 })}</span>
                  <span className="poll-rank-input__label">{label}</span>
                  <button type="button" aria-label={t('polls.answer.moveUp', { label })} aria-disabled={i === 0 ? true : undefined} onClick={() => onChange({ ...draft, order: moved(draft.order, i, -1) })}>
                    <span aria-hidden="true">↑</span>
                  </button>
                  <button
                    type="button"
                    aria-label={t('polls.answer.moveDown', { label })}
                    aria-disabled={i === draft.order.length - 1 ? true : undefined}
                    onClick={() => onChange({ ...draft, order: moved(draft.order, i, 1) })}
                  >
                    <span aria-hidden="true">↓</span>
                  </button>
                </li>
              );
            })}
          </ol>
        </fieldset>
      );
    case 'text':
      return (
        <label className="poll-field">
          <span className="sr-only">{t('polls.answer.text')}</span>
          <textarea rows={3} maxLength={POLL_LIMITS.textAnswer} disabled={disabled} value={draft.text} onChange={(e) => onChange({ ...draft, text: e.target.value })} />
        </label>
      );
  }
}
