import { useTranslation } from 'react-i18next';
import { Layout } from '../app/Layout';
import { errorText } from '../i18n/errors';
import type { CoordinatorGate } from './useCoordinatorSession';

type Closed = Exclude<CoordinatorGate, { kind: 'ready' } | { kind: 'opening' }>;

const TEXTS = {
  'no-link': ['coordinator.gate.noLinkTitle', 'coordinator.gate.noLinkBody'],
  'invalid-link': ['coordinator.gate.invalidTitle', 'coordinator.gate.invalidBody'],
  expired: ['coordinator.gate.expiredTitle', 'coordinator.gate.expiredBody'],
  'signed-out': ['coordinator.gate.signedOutTitle', 'coordinator.gate.signedOutBody'],
  offline: ['coordinator.gate.offlineTitle', 'coordinator.gate.offlineBody'],
  failed: ['coordinator.gate.offlineTitle', 'coordinator.gate.offlineBody'],
} as const;

/** The page instead of the overview: no link, a link that is not the coordinator's, an ended session. */
export function GateMessage({ gate, onRetry }: { gate: Closed; onRetry: () => void }) {
  const { t } = useTranslation();
  const [title, body] = TEXTS[gate.kind];
  const canRetry = gate.kind === 'offline' || gate.kind === 'failed';
  return (
    <Layout className="coordinator-page">
      <div className="message-page coord-gate" data-gate={gate.kind}>
        <h1>{gate.kind === 'failed' ? t('coordinator.gate.invalidTitle') : t(title)}</h1>
        <p>{gate.kind === 'failed' ? errorText(t, gate.code) : t(body)}</p>
        {canRetry ? (
          <p>
            <button type="button" className="button button--primary" onClick={onRetry}>
              {t('coordinator.gate.retry')}
            </button>
          </p>
        ) : null}
        <p>
          <a href="/">{t('coordinator.gate.backHome')}</a>
        </p>
      </div>
    </Layout>
  );
}
