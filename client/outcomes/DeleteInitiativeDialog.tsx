import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Initiative } from '../../shared';
import { ModalDialog } from '../comments/ModalDialog';
import { useBoardStore } from '../state/board-store';
import { ErrorText } from '../ui/ErrorText';
import { untilStore } from './until-store';
import { useInitiativeCommands } from './useInitiativeCommands';

interface Props {
  initiative: Initiative;
  /** Where focus goes once the initiative is gone (its card goes with it). */
  afterDelete: () => HTMLElement | null;
  onClose: () => void;
}

/** Facilitators: confirm removing an initiative; its ideas stay. */
export function DeleteInitiativeDialog({ initiative, afterDelete, onClose }: Props) {
  const { t } = useTranslation();
  const commands = useInitiativeCommands();
  const announce = useBoardStore((s) => s.announce);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  // A ref, not state: the dialog closes in the same moment, before another render.
  const deleted = useRef(false);

  const confirm = async () => {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    const refused = await commands.remove(initiative.id);
    if (refused) {
      setBusy(false);
      setFailure(refused);
      return;
    }
    await untilStore((s) => !s.initiatives.some((i) => i.id === initiative.id));
    setBusy(false);
    deleted.current = true;
    announce(t('outcomes.remove.deleted', { title: initiative.title }));
    onClose();
  };

  return (
    <ModalDialog title={t('outcomes.remove.title')} onClose={onClose} returnFocus={() => (deleted.current ? afterDelete() : null)}>
      <div className="modal__body">
        <p>{t('outcomes.remove.intro')}</p>
        <blockquote className="modal__excerpt">{initiative.title}</blockquote>
        <ErrorText message={failure} />
        <div className="modal__actions">
          <button type="button" className="button button--danger" aria-disabled={busy ? true : undefined} onClick={() => void confirm()}>
            {t('outcomes.remove.confirm')}
          </button>
          <button type="button" className="button" data-autofocus="" onClick={onClose}>
            {t('app.cancel')}
          </button>
        </div>
      </div>
    </ModalDialog>
  );
}
