import { useEffect, useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface SimilarItem {
  ideaId: string;
  text: string;
}

interface Props {
  items: SimilarItem[];
  /** The sentence under the heading (the board's and the call form's differ). */
  intro: string;
  /** An action per idea (the board's "support"); none on the call form. */
  action?: (item: SimilarItem) => ReactNode;
  /**
   * The page's one polite live region (the board's announce()). Without it, this component
   * keeps a region of its own (the call form has no other).
   */
  announce?: (text: string) => void;
}

/**
 * "Ligner disse idéer": up to three ideas like the one being written, under the idea field.
 * How many there are is said politely, once per change in their number, so a screen reader
 * user learns of them without losing their place in the text.
 */
export function SimilarIdeas({ items, intro, action, announce }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  const sentence = items.length > 0 ? t('sense.similar.announce', { count: items.length }) : '';
  useEffect(() => {
    if (announce && sentence) announce(sentence);
  }, [announce, sentence]);
  return (
    <>
      {announce ? null : (
        <p className="sr-only" aria-live="polite">
          {sentence}
        </p>
      )}
      {items.length > 0 ? (
        <section className="similar-ideas" aria-labelledby={headingId}>
          <h3 id={headingId} className="similar-ideas__heading">
            {t('sense.similar.heading')}
          </h3>
          <p className="hint">{intro}</p>
          <ul className="similar-ideas__list">
            {items.map((item) => (
              <li key={item.ideaId} className="similar-ideas__item">
                <blockquote className="similar-ideas__text">{item.text}</blockquote>
                {action ? action(item) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
