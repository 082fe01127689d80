import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoredSession } from '../session/storage';
import { useBoardStore } from '../state/board-store';
import { ExportCard } from './ExportCard';
import { InitiativeDialog } from './InitiativeDialog';
import { INITIATIVES_SECTION_ID } from './InitiativesSection';
import { jumpTo } from '../ui/jump';
import { NewRoundCard } from './NewRoundCard';

/** Initiatives in the tools: how many there are, a new one, and the way to the list on the board. */
function InitiativesToolCard() {
  const { t } = useTranslation();
  const ids = useId();
  const count = useBoardStore((s) => s.initiatives.length);
  const [open, setOpen] = useState(false);
  return (
    <section className="outcome-card" aria-labelledby={`${ids}-heading`}>
      <h4 id={`${ids}-heading`}>{t('outcomes.initiatives.heading')}</h4>
      <p className="hint">{t('outcomes.initiatives.intro')}</p>
      <p>{count > 0 ? t('outcomes.initiatives.toolCount', { count }) : t('outcomes.initiatives.toolNone')}</p>
      <div className="actions">
        <button type="button" className="button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
          {t('outcomes.initiatives.add')}
        </button>
        <a
          href={`#${INITIATIVES_SECTION_ID}`}
          onClick={(event) => {
            event.preventDefault();
            jumpTo(INITIATIVES_SECTION_ID);
          }}
        >
          {t('outcomes.initiatives.showAll')}
        </a>
      </div>
      {open ? <InitiativeDialog initiative={null} onClose={() => setOpen(false)} /> : null}
    </section>
  );
}

/** The facilitator's way from ideas to outcomes: initiatives, exports and the next round. */
export function OutcomesTools({ session }: { session: StoredSession }) {
  const { t } = useTranslation();
  const ids = useId();
  return (
    <section className="outcomes-tools" aria-labelledby={`${ids}-heading`} data-outcomes-tools="">
      <h3 id={`${ids}-heading`} className="outcomes-tools__heading">
        {t('outcomes.tools.heading')}
      </h3>
      <p className="hint">{t('outcomes.tools.intro')}</p>
      <div className="outcomes-tools__grid">
        <InitiativesToolCard />
        <ExportCard boardId={session.identity.boardId} sessionToken={session.sessionToken} />
        <NewRoundCard session={session} />
      </div>
    </section>
  );
}
