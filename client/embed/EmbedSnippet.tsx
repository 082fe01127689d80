import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { send } from '../rest/api';
import { CopyButton } from '../ui/CopyButton';
import { embedSnippet } from './snippet';

/**
 * "Indlejr på jeres hjemmeside": the <iframe> snippet (and the plain link) for putting the
 * call on the municipality's site. Whether another site may frame it is the server's
 * EMBED_ORIGINS; when that is not set, the facilitator is told whom to ask.
 */
export function EmbedSnippet({ callId, title, url }: { callId: string; title: string; url: string }) {
  const { t } = useTranslation();
  const ids = useId();
  const [embedding, setEmbedding] = useState<boolean | null>(null);
  useEffect(() => {
    void send('site', {}).then(({ result }) => setEmbedding(result.ok ? result.data.embedding : null));
  }, []);
  const snippet = embedSnippet(location.origin, callId, title);
  return (
    <details className="embed-snippet">
      <summary>{t('site.embed.heading')}</summary>
      <p className="hint">{t('site.embed.help')}</p>
      {embedding === false ? (
        <p className="alert" data-embed-off="">
          {t('site.embed.off')}
        </p>
      ) : null}
      <div className="field">
        <label htmlFor={`${ids}-snippet`}>{t('site.embed.snippet')}</label>
        <textarea id={`${ids}-snippet`} readOnly rows={6} value={snippet} onFocus={(e) => e.currentTarget.select()} data-embed-snippet="" />
      </div>
      <p className="button-row">
        <CopyButton text={snippet} what={t('site.embed.snippet')} />
      </p>
      <p className="hint">{t('site.embed.link', { url })}</p>
    </details>
  );
}
