import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch';
import { isEmbedded } from './embed';
import { SiteFooter } from './SiteFooter';
import { UpdatePrompt } from './UpdatePrompt';

interface Props {
  /** Extra header content (board title, status, presence). */
  header?: ReactNode;
  children: ReactNode;
  className?: string;
}

/** The page frame: skip link, banner with the product name and language, the main landmark. */
export function Layout({ header, children, className }: Props) {
  const { t } = useTranslation();
  const embedded = isEmbedded();
  return (
    <div className={`page ${embedded ? 'page--embedded ' : ''}${className ?? ''}`}>
      <a className="skip-link" href="#main">
        {t('app.skipLink')}
      </a>
      <header className="topbar">
        {embedded ? null : (
          <a className="brand" href="/">
            <span className="brand__mark" aria-hidden="true" />
            {t('app.name')}
          </a>
        )}
        <div className="topbar__extra">{header}</div>
        <LanguageSwitch />
      </header>
      <UpdatePrompt />
      <main id="main" tabIndex={-1} className="main">
        {children}
      </main>
      <SiteFooter embedded={embedded} />
    </div>
  );
}
