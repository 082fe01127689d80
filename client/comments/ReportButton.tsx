import { useId, useState } from 'react';
import { useT } from '../i18n/useT';
import type { ReportTarget } from '../../shared';
import { ReasonDialog } from './ReasonDialog';
import { useSocialCommands } from './useSocialCommands';

interface Props {
  target: ReportTarget;
  /** The reported text, shown in the dialog. */
  excerpt: string;
  describedBy: string;
}

/** "Report": asks why, sends it to the moderators' queue, and says it was sent. */
export function ReportButton({ target, excerpt, describedBy }: Props) {
  const t = useT();
  const ids = useId();
  const commands = useSocialCommands();
  const [open, setOpen] = useState(false);
  const [sent, setSent] = useState(false);

  return (
    <>
      <button
        id={`${ids}-report`}
        type="button"
        className="button button--small button--quiet report-button"
        aria-describedby={describedBy}
        onClick={() => {
          setSent(false);
          setOpen(true);
        }}
      >
        {t('comments.report.button')}
      </button>
      <p role="status" className={sent ? 'success-text report-button__sent' : 'sr-only'}>
        {sent ? t('comments.report.sent') : ''}
      </p>
      {open ? (
        <ReasonDialog
          title={target.kind === 'idea' ? t('comments.report.ideaTitle') : t('comments.report.commentTitle')}
          intro={t('comments.report.intro')}
          submitLabel={t('comments.report.submit')}
          excerpt={excerpt}
          returnFocus={() => document.getElementById(`${ids}-report`)}
          onSubmit={async (reason) => {
            const failure = await commands.report(target, reason);
            if (!failure) setSent(true);
            return failure;
          }}
          onClose={() => setOpen(false)}
        />
      ) : null}
    </>
  );
}
