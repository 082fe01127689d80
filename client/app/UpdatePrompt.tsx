import { useTranslation } from 'react-i18next';
import { useAppUpdate } from './app-update';

/**
 * "Ny version — genindlæs": shown when a new version of Samskab is ready. Nothing switches
 * by itself (a half-written idea stays where it is); the person reloads when it suits them.
 */
export function UpdatePrompt() {
  const { t } = useTranslation();
  const waiting = useAppUpdate((s) => s.waiting);
  const apply = useAppUpdate((s) => s.apply);
  if (!waiting || !apply) return null;
  return (
    <div className="update-prompt" role="status">
      <span>{t('site.update.ready')}</span>
      <button type="button" className="button button--small button--primary" onClick={() => void apply()}>
        {t('site.update.reload')}
      </button>
    </div>
  );
}
