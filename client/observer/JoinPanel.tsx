import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { joinUrl } from '../join/join-code';
import { JoinCodeText } from '../join/JoinCodeText';
import { useBoardStore } from '../state/board-store';
import { QrCode } from '../ui/QrCode';

interface Props {
  participantLink: string | null;
  /**
   * 'panel': QR code, address and code, for the wall's side and an open poll. 'line': the
   * address and the code on one line, for a poll's results (the chart needs the screen, but
   * a latecomer still needs the code). 'screen': the same, filling the projector while the
   * room is joining and the wall has nothing to show (JoinScreen.tsx sizes it). 'line' and
   * `quietWhenClosed` say nothing when joining is closed: over a poll that would only be noise.
   */
  variant?: 'panel' | 'line' | 'screen';
  quietWhenClosed?: boolean;
  /** Said under the code (the join screen's headcount). */
  children?: ReactNode;
}

/**
 * How to join, readable from the back of the room: a QR code for phones, the address and
 * the 6-character code in very large type for those who type. Says so when joining is closed.
 */
export function JoinPanel({ participantLink, variant = 'panel', quietWhenClosed = false, children }: Props) {
  const { t } = useTranslation();
  // The wall and a poll over it may both show the panel: each its own heading id.
  const headingId = useId();
  const code = useBoardStore((s) => s.workshop.joinCode);
  const open = useBoardStore((s) => s.workshop.joinOpen);
  if (!code) {
    // An old board without a code yet: the participant link's QR code, if this device has it.
    return participantLink && variant !== 'line' ? (
      <figure className="join-panel">
        <QrCode className="join-panel__qr" text={participantLink} alt={t('qr.alt')} />
        <figcaption>{t('observer.joinHint')}</figcaption>
      </figure>
    ) : null;
  }
  if (!open) {
    return quietWhenClosed || variant === 'line' ? null : (
      <div className="join-panel join-panel--closed" data-join="closed">
        <p className="join-panel__closed">{t('projector.joinClosed')}</p>
      </div>
    );
  }
  const url = joinUrl(code);
  const shortUrl = `${location.host}/join`;
  if (variant === 'line') {
    return (
      <p className="join-line" data-join="open">
        {t('projector.joinAt', { url: shortUrl })} {t('projector.codeLabel')}{' '}
        <span className="join-line__code" data-join-code={code}>
          <JoinCodeText code={code} />
        </span>
      </p>
    );
  }
  return (
    <section className={`join-panel join-panel--${variant}`} aria-labelledby={headingId} data-join="open">
      <h2 id={headingId} className="join-panel__heading">
        {t('projector.joinHeading')}
      </h2>
      <QrCode className="join-panel__qr" text={url} alt={t('projector.qrAlt', { url })} />
      <p className="join-panel__url">{t('projector.joinAt', { url: shortUrl })}</p>
      <p className="join-panel__code-label">{t('projector.codeLabel')}</p>
      <p className="join-panel__code" data-join-code={code}>
        <JoinCodeText code={code} />
      </p>
      {children}
    </section>
  );
}
