import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { StartPage } from '../start/StartPage';
import { NotFound } from './NotFound';
import { useFocusOnMove, useLocationPath } from './navigation';
import { parseRoute } from './routes';

// The board and the screen bring Yjs, IndexedDB and socket.io; the start page needs none of it.
const BoardPage = lazy(() => import('../board/BoardPage').then((m) => ({ default: m.BoardPage })));
const JoinCodePage = lazy(() => import('../join/JoinCodePage').then((m) => ({ default: m.JoinCodePage })));
const ObserverPage = lazy(() => import('../observer/ObserverPage').then((m) => ({ default: m.ObserverPage })));
const CallPage = lazy(() => import('../call/CallPage').then((m) => ({ default: m.CallPage })));
const ReceiptPage = lazy(() => import('../call/ReceiptPage').then((m) => ({ default: m.ReceiptPage })));
const AccessibilityStatement = lazy(() =>
  import('../accessibility/AccessibilityStatement').then((m) => ({ default: m.AccessibilityStatement })),
);
const CoordinatorPage = lazy(() => import('../coordinator/CoordinatorPage').then((m) => ({ default: m.CoordinatorPage })));

/**
 * Pages are full page loads (links carry a secret in their fragment and are opened from
 * mail, QR codes and chat), so routing is reading the path; the one move in place is a code
 * join going on to its board (navigation.ts).
 */
export function App({ linkToken }: { linkToken: string | null }) {
  const { t } = useTranslation();
  const route = parseRoute(useLocationPath());
  useFocusOnMove(route.name);

  useEffect(() => {
    document.title = t('app.name');
  }, [t]);

  switch (route.name) {
    case 'start':
      return <StartPage />;
    case 'board':
      return (
        <Suspense fallback={<p className="message-page">{t('app.loading')}</p>}>
          <BoardPage boardId={route.boardId} linkToken={linkToken} />
        </Suspense>
      );
    case 'join':
      return (
        <Suspense fallback={<p className="message-page">{t('app.loading')}</p>}>
          <JoinCodePage initialCode={route.code} />
        </Suspense>
      );
    case 'screen':
      return (
        <Suspense fallback={<p className="message-page">{t('app.loading')}</p>}>
          <ObserverPage boardId={route.boardId} linkToken={linkToken} />
        </Suspense>
      );
    case 'call':
      return (
        <Suspense fallback={<p className="message-page">{t('app.loading')}</p>}>
          <CallPage callId={route.callId} />
        </Suspense>
      );
    case 'receipt':
      return (
        <Suspense fallback={<p className="message-page">{t('app.loading')}</p>}>
          <ReceiptPage code={route.code} />
        </Suspense>
      );
    case 'accessibility':
      return (
        <Suspense fallback={<p className="message-page">{t('app.loading')}</p>}>
          <AccessibilityStatement locale={route.locale} />
        </Suspense>
      );
    case 'coordinator':
      return (
        <Suspense fallback={<p className="message-page">{t('app.loading')}</p>}>
          <CoordinatorPage linkToken={linkToken} />
        </Suspense>
      );
    case 'not-found':
      return <NotFound />;
  }
}
