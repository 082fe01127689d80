import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AppMenu } from './AppMenu';
import { LanguageSwitch } from './LanguageSwitch';
import { isEmbedded } from './embed';
import { SiteFooter } from './SiteFooter';
import { UpdatePrompt } from './UpdatePrompt';

export interface SkipLink {
  href: string;
  label: string;
}

interface Props {
  /** Extra header content (board title, step, timer, presence, status). */
  header?: ReactNode;
  children: ReactNode;
  className?: string;
  /**
   * `page`: the product name and the language select in the banner (start, join, call pages).
   * `room`: a board in a live room: one compact row, the language behind one menu.
   * `bare`: the projector's wall: no banner at all.
   */
  variant?: 'page' | 'room' | 'bare';
  /** More in the room's menu, under the language. */
  menu?: ReactNode;
  /** Skip links after "skip to content", e.g. to the idea field and to the ideas. */
  skipLinks?: SkipLink[];
}

/** The page frame: skip links, the banner, the main landmark. */
export function Layout({ header, children, className, variant = 'page', menu, skipLinks = [] }: Props) {
  const { t } = useTranslation();
  const embedded = isEmbedded();
  return (
    <div className={`page page--${variant} ${embedded ? 'page--embedded ' : ''}${className ?? ''}`}>
      <nav className="skip-links" aria-label={t('app.skipLink')}>
        <a className="skip-link" href="#main">
          {t('app.skipLink')}
        </a>
        {skipLinks.map((link) => (
          <a key={link.href} className="skip-link" href={link.href}>
            {link.label}
          </a>
        ))}
      </nav>
      {variant === 'bare' ? null : (
        <header className={`topbar topbar--${variant}`}>
          {/* In the room the way out (to the start page) is in the menu; embedded, there is none. */}
          {variant === 'room' || embedded ? null : (
            <a className="brand" href="/">
              <span className="brand__mark" aria-hidden="true" />
              {t('app.name')}
            </a>
          )}
          <div className="topbar__extra">{header}</div>
          {variant === 'room' ? <AppMenu>{menu}</AppMenu> : <LanguageSwitch />}
        </header>
      )}
      {variant === 'bare' ? null : <UpdatePrompt />}
      <main id="main" tabIndex={-1} className="main">
        {children}
      </main>
      {variant === 'bare' ? null : <SiteFooter embedded={embedded} />}
    </div>
  );
}
