import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useDisclosure } from '../ui/useDisclosure';
import { LanguageSwitch } from './LanguageSwitch';

/**
 * One menu for what is not needed in the room: the language and, on a board, the things
 * the page adds (links, the save status's details). A disclosure, not an ARIA menu: it
 * holds form fields. Escape or a press outside closes it; focus returns to the button.
 */
export function AppMenu({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  const ids = useId();
  const { open, toggle, button, panel, root } = useDisclosure({ light: true });
  return (
    <div className="app-menu" ref={root}>
      <button
        ref={button}
        type="button"
        className="app-menu__button"
        aria-expanded={open}
        aria-controls={`${ids}-panel`}
        onClick={toggle}
      >
        <svg className="app-menu__icon" viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false">
          <path d="M3 5h14M3 10h14M3 15h14" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
        <span className="app-menu__label">{t('room.menu')}</span>
      </button>
      <div ref={panel} id={`${ids}-panel`} className="app-menu__panel" hidden={!open}>
        <h2 className="app-menu__heading sr-only">{t('room.menuHeading')}</h2>
        <LanguageSwitch />
        {children}
        <a className="brand" href="/">
          <span className="brand__mark" aria-hidden="true" />
          {t('room.home')}
        </a>
      </div>
    </div>
  );
}
