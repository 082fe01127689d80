import { useTranslation } from 'react-i18next';
import { Layout } from '../app/Layout';
import { NotFound } from '../app/NotFound';
import { errorText } from '../i18n/errors';
import { useBoardSession } from '../session/useBoardSession';
import { ObserverScreen } from './ObserverScreen';

/** `/b/:boardId/screen`: the projector. Joins by itself with the screen link's token. */
export function ObserverPage({ boardId, linkToken }: { boardId: string; linkToken: string | null }) {
  const { t } = useTranslation();
  const { state, invalidate, notFound } = useBoardSession(boardId, 'screen', linkToken);
  switch (state.phase) {
    case 'ready':
      return (
        <ObserverScreen
          key={state.session.sessionToken}
          session={state.session}
          onSessionInvalid={invalidate}
          onBoardNotFound={notFound}
        />
      );
    case 'not-found':
      return <NotFound kind="board" />;
    case 'no-access':
      return <NotFound kind="no-access" />;
    case 'failed':
      return (
        <Layout>
          <div className="message-page">
            <h1>{state.code ? errorText(t, state.code) : t('errors.offline')}</h1>
          </div>
        </Layout>
      );
    case 'join':
    case 'joining':
      return (
        <Layout>
          <p className="message-page">{t('app.loading')}</p>
        </Layout>
      );
  }
}
