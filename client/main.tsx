import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { i18n } from './i18n';
import { App } from './app/App';
import { takeTokenFromFragment } from './session/storage';
import { registerAppShell } from './app/app-update';
import { isEmbedded, reportHeightToParent } from './app/embed';
import './styles/index.css';

// The capability token is read once, before anything renders, and removed from the address.
const linkToken = takeTokenFromFragment();

// Pasting another link for the same page only changes the fragment: start over with it.
window.addEventListener('hashchange', () => {
  if (/(?:^#|&)k=/.test(window.location.hash)) window.location.reload();
});

// A framed call neither installs the offline shell (its cached page would carry the shell's
// frame-ancestors, not the call's) nor shows site chrome; it reports its height instead.
if (isEmbedded()) reportHeightToParent();
else registerAppShell();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <App linkToken={linkToken} />
    </I18nextProvider>
  </StrictMode>,
);
