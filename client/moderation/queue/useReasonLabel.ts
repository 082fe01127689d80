import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { reasonKey } from '../queue-logic';

/** A reason in the reader's language when it is one of the list, else as the facilitator wrote it. */
export function useReasonLabel(): (reason: string) => string {
  const { t } = useTranslation();
  return useCallback(
    (reason: string) => {
      const key = reasonKey(reason);
      // "Another reason (write it)" is the picker's wording; in a decision it just means "other".
      if (key === 'other') return t('moderation.reasonOther');
      return key ? t(`moderation.reasons.${key}`) : reason;
    },
    [t],
  );
}
