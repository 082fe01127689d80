import { useTranslation } from 'react-i18next';
import { useBoardStore } from '../../state/board-store';

const EXPLAINED = new Set(['BOARD_LOCKED', 'STEP_FORBIDS', 'SILENT_WRITING']);

/**
 * Says why text came back into the composer (a refused write, the step moved on while a
 * phone was offline), so the person knows it was not sent and can send it later. The
 * role="alert" container is announced when it appears; focus stays where the person is.
 */
export function RescueNotice() {
  const { t } = useTranslation();
  const rescue = useBoardStore((s) => s.rescue);
  const dismiss = useBoardStore((s) => s.dismissRescue);
  if (!rescue) return null;
  const reason = EXPLAINED.has(rescue.code) ? rescue.code : 'other';
  return (
    <div role="alert" className="rescue" data-rescue={rescue.code}>
      <p>{t(`composer.rescued.${reason as 'other'}`, { count: rescue.count })}</p>
      <button type="button" className="button button--small" onClick={dismiss}>
        {t('composer.rescuedOk')}
      </button>
    </div>
  );
}
