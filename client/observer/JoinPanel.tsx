import { useTranslation } from 'react-i18next';
import { joinUrl } from '../join/join-code';
import { JoinCodeText } from '../join/JoinCodeText';
import { useBoardStore } from '../state/board-store';
import { QrCode } from '../ui/QrCode';

/**
 * How to join, readable from the back of the room: a QR code for phones, the address and
 * the 6-character code in very large type for those who type. Says so when joining is closed.
 */
export function JoinPanel({ participantLink }: { participantLink: string | null }) {
  const { t } = useTranslation();
  const code = useBoardStore((s) => s.workshop.joinCode);
  const open = useBoardStore((s) => s.workshop.joinOpen);
  if (!code) {
    // An old board without a code yet: the participant link's QR code, if this device has it.
    return participantLink ? (
      <figure className="join-panel">
        <QrCode className="join-panel__qr" text={participantLink} alt={t('qr.alt')} />
        <figcaption>{t('observer.joinHint')}</figcaption>
      </figure>
    ) : null;
  }
  if (!open) {
    return (
      <div className="join-panel join-panel--closed" data-join="closed">
        <p className="join-panel__closed">{t('projector.joinClosed')}</p>
      </div>
    );
  }
  const url = joinUrl(code);
  const shortUrl = `${location.host}/join`;
  return (
    <section className="join-panel" aria-labelledby="join-panel-heading" data-join="open">
      <h2 id="join-panel-heading" className="join-panel__heading">
        {t('projector.joinHeading')}
      </h2>
      <QrCode className="join-panel__qr" text={url} alt={t('projector.qrAlt', { url })} />
      <p className="join-panel__url">{t('projector.joinAt', { url: shortUrl })}</p>
      <p className="join-panel__code-label">{t('projector.codeLabel')}</p>
      <p className="join-panel__code" data-join-code={code}>
        <JoinCodeText code={code} />
      </p>
    </section>
  );
}
