import { useTranslation } from 'react-i18next';
import { CopyButton } from '../ui/CopyButton';

export interface Refusal {
  /** The server's reason, translated. */
  message: string;
  /** Whether the refused text was put back into the form. */
  restored: boolean;
  text: string;
}

/** A refused idea whose text could not go back into the form (another idea was being written there). */
export function RefusalNotice({ refusal }: { refusal: Refusal }) {
  const { t } = useTranslation();
  return (
    <div role="alert" className="alert call-refusal">
      <p>{t('call.form.refused', { reason: refusal.message })}</p>
      <p>{t('call.form.refusedText')}</p>
      <blockquote className="call-quote">{refusal.text}</blockquote>
      <CopyButton text={refusal.text} what={t('call.form.refusedWhat')} />
    </div>
  );
}
