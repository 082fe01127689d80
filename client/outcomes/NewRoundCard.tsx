import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoredSession } from '../session/storage';
import { NewRoundDialog } from './NewRoundDialog';

/** Facilitators: start the next round of the process from this board. */
export function NewRoundCard({ session }: { session: StoredSession }) {
  const { t } = useTranslation();
  const ids = useId();
  const [open, setOpen] = useState(false);
  return (
    <section className="outcome-card" aria-labelledby={`${ids}-heading`}>
      <h4 id={`${ids}-heading`}>{t('outcomes.round.heading')}</h4>
      <p className="hint">{t('outcomes.round.intro')}</p>
      <button type="button" className="button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {t('outcomes.round.start')}
      </button>
      {open ? <NewRoundDialog session={session} onClose={() => setOpen(false)} /> : null}
    </section>
  );
}
