import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OutcomesTools } from '../outcomes/OutcomesTools';
import { loadLinks, type StoredSession } from '../session/storage';
import { useBoardStore } from '../state/board-store';
import { ShareLinks } from '../ui/ShareLinks';
import { FocusQuestion } from './FocusQuestion';
import { SettingsForm } from './SettingsForm';

/** The facilitator's tools: focus question, board settings, share links, and outcomes (initiatives, exports, new round). */
export function FacilitatorPanel({ session }: { session: StoredSession }) {
  const { t } = useTranslation();
  const ids = useId();
  const settings = useBoardStore((s) => s.settings);
  const [saved, setSaved] = useState(false);
  const boardId = session.identity.boardId;
  const draftKey = settings
    ? JSON.stringify([settings.title, settings.description, settings.questions, settings.beacons])
    : '';
  // The creating device has all three links; any facilitator can rebuild their own.
  const stored = loadLinks(boardId);
  const links = stored ?? {
    facilitator: `${location.origin}/b/${boardId}#k=${encodeURIComponent(session.capabilityToken)}`,
  };

  return (
    <section className="facilitator card" aria-labelledby={`${ids}-heading`}>
      <h2 id={`${ids}-heading`}>{t('facilitator.heading')}</h2>
      {settings ? (
        <div className="facilitator__grid">
          <div>
            <FocusQuestion settings={settings} />
            {/* A saved change (ours or another facilitator's) starts a fresh draft from the document. */}
            <SettingsForm key={draftKey} settings={settings} onSaved={() => setSaved(true)} />
            <p role="status" className={saved ? 'success-text' : 'sr-only'}>
              {saved ? t('facilitator.saved') : ''}
            </p>
          </div>
          <div>
            <h3>{t('facilitator.shareHeading')}</h3>
            <ShareLinks links={links} headingLevel={4} />
            {stored ? (
              <p>
                <a href={stored.observer} target="_blank" rel="noreferrer">
                  {t('board.openScreen')}
                </a>
              </p>
            ) : (
              <p className="hint">{t('facilitator.shareMissing')}</p>
            )}
          </div>
        </div>
      ) : (
        <p>{t('app.loading')}</p>
      )}
      {settings ? <OutcomesTools session={session} /> : null}
    </section>
  );
}
