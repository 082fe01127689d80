import { useTranslation } from 'react-i18next';
import { Layout } from '../app/Layout';
import { NotFound } from '../app/NotFound';
import { errorText } from '../i18n/errors';
import { JoinForm } from '../session/JoinForm';
import { useBoardSession } from '../session/useBoardSession';
import { BoardWorkspace } from './BoardWorkspace';

/** `/b/:boardId`: join if needed, then the board for a facilitator or participant. */
export function BoardPage({ boardId, linkToken }: { boardId: string; linkToken: string | null }) {
  const { t } = useTranslation();
  const { state, join, invalidate, notFound } = useBoardSession(boardId, 'board', linkToken);
  switch (state.phase) {
    case 'ready':
      return (
        <BoardWorkspace
          key={state.session.sessionToken}
          session={state.session}
          onSessionInvalid={invalidate}
          onBoardNotFound={notFound}
        />
      );
    case 'join':
      return (
        <Layout>
          <JoinForm title={state.title} expired={state.expired} onJoin={(profile) => join(state.token, profile)} />
        </Layout>
      );
    case 'joining':
      return (
        <Layout>
          <p className="message-page">{t('app.loading')}</p>
        </Layout>
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
  }
}
