import { useId, type ReactNode } from 'react';
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
}

/**
 * "Ligner disse idéer": up to three ideas like the one being written, under the idea field.
 * A polite live region says how many there are, once per change in their number, so a
 * screen reader user learns of them without losing their place in the text.
 */
export function SimilarIdeas({ items, intro, action }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <>
      <p className="sr-only" aria-live="polite">
        {items.length > 0 ? t('sense.similar.announce', { count: items.length }) : ''}
      </p>
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
