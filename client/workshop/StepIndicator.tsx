import { useTranslation } from 'react-i18next';
import { STEPS, type Step } from '../../shared';

/**
 * The agenda Write → Reveal → Group → Vote → Results with the current step marked, in
 * words and not only by colour ("Trin 4 af 5: Stem"). A list, so it reads in order.
 */
export function StepIndicator({ step, label, className }: { step: Step; label: string; className?: string }) {
  const { t } = useTranslation();
  const index = STEPS.indexOf(step);
  return (
    <div className={`steps ${className ?? ''}`}>
      <p className="steps__now">
        <span className="steps__label">{label}</span> {t('workshop.stepOf', { n: index + 1, total: STEPS.length, step: t(`workshop.steps.${step}`) })}
      </p>
      <ol className="steps__list" aria-hidden="true">
        {STEPS.map((s, i) => (
          <li key={s} className={`steps__item${s === step ? ' steps__item--current' : i < index ? ' steps__item--done' : ''}`}>
            <span className="steps__number">{i + 1}</span>
            <span className="steps__name">{t(`workshop.steps.${s}`)}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}
