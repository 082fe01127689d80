import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Layout } from '../app/Layout';
import { CoordinatorDashboard } from './CoordinatorDashboard';
import { GateMessage } from './GateMessage';
import { useCoordinatorSession } from './useCoordinatorSession';

/**
 * `/coordinator#k=<token>`: the installation's coordinator. The link is traded for a
 * session kept on this device; then the overview across all boards, the status report, the
 * installation's beacons and the link's rotation.
 */
export function CoordinatorPage({ linkToken }: { linkToken: string | null }) {
  const { t } = useTranslation();
  const { gate, retry, expire, signOut } = useCoordinatorSession(linkToken);

  useEffect(() => {
    document.title = t('coordinator.pageTitle');
  }, [t]);

  switch (gate.kind) {
    case 'opening':
      return (
        <Layout className="coordinator-page">
          <p className="message-page loading" role="status">
            {t('coordinator.gate.opening')}
          </p>
        </Layout>
      );
    case 'ready':
      return <CoordinatorDashboard sessionToken={gate.sessionToken} onExpired={expire} onSignOut={signOut} />;
    default:
      return <GateMessage gate={gate} onRetry={retry} />;
  }
}
