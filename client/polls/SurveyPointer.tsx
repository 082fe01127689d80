import { useTranslation } from 'react-i18next';
import { unanswered, useCallSurvey } from './survey-store';
import { SURVEY_HEADING_ID } from './SurveyForm';

/**
 * Above the idea form: the call also asks survey questions, further down. Without it they
 * were easy to miss below a long form (the outside review's finding); a person who only
 * wants to answer them should not have to write an idea first. Gone once all are answered.
 */
export function SurveyPointer({ callId }: { callId: string }) {
  const { t } = useTranslation();
  const survey = useCallSurvey(callId);
  const count = survey ? unanswered(survey).length : 0;
  if (count === 0) return null;
  return (
    <p className="notice poll-survey__pointer">
      {t('polls.survey.pointer', { count })}{' '}
      <a
        href={`#${SURVEY_HEADING_ID}`}
        onClick={(e) => {
          // The heading takes focus too, so the keyboard and screen readers go there as well.
          e.preventDefault();
          const heading = document.getElementById(SURVEY_HEADING_ID);
          heading?.scrollIntoView({ block: 'start' });
          heading?.focus();
        }}
      >
        {t('polls.survey.pointerLink')}
      </a>
    </p>
  );
}
