import { useTranslation } from 'react-i18next';
import { randomId } from '../../shared';

export interface ListItem {
  id: string;
  text: string;
}

interface Props {
  items: ListItem[];
  onChange: (items: ListItem[]) => void;
  max: number;
  maxLength: number;
  multiline?: boolean;
  /** Labels per 1-based index, already translated. */
  itemLabel: (n: number) => string;
  removeLabel: (n: number) => string;
  upLabel?: (n: number) => string;
  downLabel?: (n: number) => string;
  addLabel: string;
}

/** An editable, reorderable list of short texts (questions, beacons); ids stay stable. */
export function ListEditor({ items, onChange, max, maxLength, multiline, itemLabel, removeLabel, upLabel, downLabel, addLabel }: Props) {
  const { t } = useTranslation();
  const update = (index: number, text: string) => onChange(items.map((it, i) => (i === index ? { ...it, text } : it)));
  const swap = (a: number, b: number) => {
    const next = [...items];
    [next[a], next[b]] = [next[b]!, next[a]!];
    onChange(next);
    // Keep focus on the same control of the moved item, now at its new index.
    requestAnimationFrame(() => document.getElementById(`list-${items[a]!.id}-${a < b ? 'down' : 'up'}`)?.focus());
  };

  return (
    <div className="list-editor">
      {items.length > 0 ? (
        <ol className="list-editor__items">
          {items.map((item, i) => {
            const inputId = `list-${item.id}-text`;
            return (
              <li key={item.id} className="list-editor__item">
                <label htmlFor={inputId} className="list-editor__label">
                  {itemLabel(i + 1)}
                </label>
                {multiline ? (
                  <textarea id={inputId} rows={2} value={item.text} maxLength={maxLength} onChange={(e) => update(i, e.target.value)} />
                ) : (
                  <input id={inputId} value={item.text} maxLength={maxLength} onChange={(e) => update(i, e.target.value)} />
                )}
                <div className="list-editor__buttons">
                  {upLabel ? (
                    <button
                      id={`list-${item.id}-up`}
                      type="button"
                      className="button button--small"
                      disabled={i === 0}
                      aria-label={upLabel(i + 1)}
                      onClick={() => swap(i, i - 1)}
                    >
                      <span aria-hidden="true">↑</span>
                    </button>
                  ) : null}
                  {downLabel ? (
                    <button
                      id={`list-${item.id}-down`}
                      type="button"
                      className="button button--small"
                      disabled={i === items.length - 1}
                      aria-label={downLabel(i + 1)}
                      onClick={() => swap(i, i + 1)}
                    >
                      <span aria-hidden="true">↓</span>
                    </button>
                  ) : null}
                  <button
                    type="button"
                    className="button button--small button--quiet"
                    aria-label={removeLabel(i + 1)}
                    onClick={() => onChange(items.filter((_, j) => j !== i))}
                  >
                    {t('facilitator.remove')}
                  </button>
                </div>
              </li>
            );
          })}
        </ol>
      ) : null}
      <button
        type="button"
        className="button button--secondary button--small"
        disabled={items.length >= max}
        onClick={() => {
          const id = randomId();
          onChange([...items, { id, text: '' }]);
          requestAnimationFrame(() => document.getElementById(`list-${id}-text`)?.focus());
        }}
      >
        {addLabel}
      </button>
    </div>
  );
}
