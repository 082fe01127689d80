import { useTranslation } from 'react-i18next';
import { Layout } from './Layout';

export function NotFound({ kind = 'page' }: { kind?: 'page' | 'board' | 'no-access' }) {
  const { t } = useTranslation();
  const title =
    kind === 'board' ? t('notFound.boardTitle') : kind === 'no-access' ? t('noAccess.title') : t('notFound.title');
  const body =
    kind === 'board' ? t('notFound.boardBody') : kind === 'no-access' ? t('noAccess.body') : t('notFound.body');
  return (
    <Layout>
      <div className="message-page">
        <h1>{title}</h1>
        <p>{body}</p>
        {kind === 'no-access' ? (
          <p>
            {t('start.gotCode')} <a href="/join">{t('start.gotCodeLink')}</a>
          </p>
        ) : null}
        <p>
          <a href="/">{t('notFound.backHome')}</a>
        </p>
      </div>
    </Layout>
  );
}
