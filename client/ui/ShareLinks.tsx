import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardLinks } from '../../shared';
import { CopyButton } from './CopyButton';
import { QrCode } from './QrCode';

const ORDER: (keyof BoardLinks)[] = ['facilitator', 'participant', 'observer'];

interface Props {
  links: Partial<BoardLinks>;
  headingLevel: 2 | 3 | 4;
}

/** Each link with a sentence on who it is for, a copy button, and a QR code for participants. */
export function ShareLinks({ links, headingLevel }: Props) {
  const { t } = useTranslation();
  const ids = useId();
  const Heading = (['h2', 'h3', 'h4'] as const)[headingLevel - 2]!;
  return (
    <ul className="share-links">
      {ORDER.map((role) => {
        const given = links[role];
        if (!given) return null;
        // Without PUBLIC_URL the server hands out relative links: shared ones must be whole.
        const link = new URL(given, location.origin).href;
        const inputId = `${ids}-${role}`;
        const label = t(`start.links.${role}`);
        return (
          <li key={role} className={`share-link share-link--${role}`}>
            <div className="share-link__text">
              <Heading className="share-link__title">
                <label htmlFor={inputId}>{label}</label>
              </Heading>
              <p id={`${inputId}-help`} className="share-link__help">
                {t(`start.linkHelp.${role}`)}
              </p>
              <div className="share-link__row">
                <input
                  id={inputId}
                  className="share-link__url"
                  readOnly
                  value={link}
                  aria-describedby={`${inputId}-help`}
                  onFocus={(e) => e.currentTarget.select()}
                />
                <CopyButton text={link} what={label} />
              </div>
            </div>
            {role === 'participant' ? <QrCode className="share-link__qr" text={link} alt={t('qr.alt')} /> : null}
          </li>
        );
      })}
    </ul>
  );
}
