import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorCode, randomId, type ContributionReceipt, type PublicCallInfo } from '../../shared';
import { Layout } from '../app/Layout';
import { whenAppShellControls } from '../app/app-update';
import { fetchCall } from './call-api';
import { currentLocale } from '../i18n';
import { errorText } from '../i18n/errors';
import { CallHeader } from './CallHeader';
import { CallNotFound, CallUnavailable } from './CallUnavailable';
import { Confirmation } from './Confirmation';
import { ContributionForm } from './ContributionForm';
import { loadDraft, nextDraft, saveDraft, toRequest, type Draft } from './draft';
import { EarlierContributions } from './EarlierContributions';
import type { OutboxEntry } from './outbox';
import { PendingPanel, WaitingNotice } from './PendingPanel';
import { listReceipts } from './receipts';
import { RefusalNotice, type Refusal } from './RefusalNotice';
import { useCallInfo, type CallLoad } from './useCallInfo';
import { useOutbox } from './useOutbox';
import { SurveyForm } from '../polls/SurveyForm';
import { SurveyPointer } from '../polls/SurveyPointer';

type View =
  | { kind: 'form'; focus: boolean }
  /** Pressed send; the entry is in the outbox until the server answers. */
  | { kind: 'queued'; entryId: string }
  | { kind: 'sent'; receipt: ContributionReceipt };

/**
 * `/c/:callId`: a public call's contribution page, made for phones. Every idea goes into
 * the device's outbox before it is sent, so nothing typed is lost to a bad connection.
 */
export function CallPage({ callId }: { callId: string }) {
  const { t } = useTranslation();
  const { load, reload } = useCallInfo(callId);
  const [draft, setDraftState] = useState<Draft>(() => loadDraft(callId));
  const draftRef = useRef(draft);
  const [view, setView] = useState<View>({ kind: 'form', focus: false });
  // Set in the submit handler itself: the answer can come before React has re-rendered.
  const awaiting = useRef<string | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [earlierSent, setEarlierSent] = useState<string | null>(null);

  const setDraft = (next: Draft) => {
    draftRef.current = next;
    setDraftState(next);
    saveDraft(callId, next);
  };

  const outbox = useOutbox(callId, {
    sent: (entry, receipt) => {
      if (awaiting.current === entry.id) {
        awaiting.current = null;
        setView({ kind: 'sent', receipt });
      } else {
        setEarlierSent(receipt.receipt);
      }
    },
    refused: (entry, error) => {
      if (error.code === ErrorCode.CALL_CLOSED || error.code === ErrorCode.CALL_NOT_FOUND) void reload();
      // The refused text goes back into the form, unless the person has started another idea there.
      const restored = draftRef.current.text.trim() === '';
      if (restored) setDraft(entry.draft);
      setRefusal({ message: errorText(t, error.code), restored, text: entry.draft.text });
      if (awaiting.current === entry.id) awaiting.current = null;
      setView({ kind: 'form', focus: false });
    },
  });

  useEffect(() => {
    // Installed from here, the app opens this call (the app's own manifest opens the start page).
    const link = document.querySelector<HTMLLinkElement>('link[rel="manifest"]') ?? document.head.appendChild(document.createElement('link'));
    link.rel = 'manifest';
    link.href = `/c/${encodeURIComponent(callId)}/manifest.webmanifest`;
    // Keep the call's form for offline use once the offline shell is in charge.
    return whenAppShellControls(() => void fetchCall(callId));
  }, [callId]);

  useEffect(() => {
    const title = load.kind === 'ready' ? load.info.boardTitle : t('call.kicker');
    document.title = `${title} – ${t('app.name')}`;
  }, [load, t]);

  const submit = (info: PublicCallInfo, values: Draft, website: string) => {
    const id = randomId(16);
    const questionIds = info.questions.map((q) => q.id);
    const entry: OutboxEntry = {
      id,
      callId,
      request: toRequest(values, id, currentLocale(), questionIds, website),
      draft: values,
      queuedAt: Date.now(),
      attempts: 0,
    };
    awaiting.current = id;
    setRefusal(null);
    setEarlierSent(null);
    setDraft(nextDraft(values));
    setView({ kind: 'queued', entryId: id });
    outbox.enqueue(entry);
  };

  const writeAnother = () => {
    awaiting.current = null;
    setView({ kind: 'form', focus: true });
  };

  if (load.kind !== 'ready') {
    return (
      <Layout className="page--call">
        <LoadState load={load} onRetry={() => void reload()} />
      </Layout>
    );
  }

  const { info } = load;
  const queued = view.kind === 'queued' ? outbox.entries.find((e) => e.entry.id === view.entryId) : undefined;
  const waiting = outbox.entries.filter((e) => e !== queued);

  let content;
  if (view.kind === 'sent') {
    content = (
      <>
        <Confirmation receipt={view.receipt} onWriteAnother={writeAnother} />
        {/* Sending an idea replaced the form: its survey questions come along ("would you also answer…"). */}
        <SurveyForm callId={callId} afterIdea />
      </>
    );
  } else if (queued) {
    content = (
      <PendingPanel
        entry={queued.entry}
        status={queued.status}
        stored={outbox.stored}
        onRetry={outbox.retry}
        onWriteAnother={writeAnother}
      />
    );
  } else if (info.state !== 'open') {
    content = <CallUnavailable state={info.state} draftText={draft.text} />;
  } else if (!info.ideas) {
    // A survey-only call: its questions are the page (the survey says so when there are none).
    content = (
      <>
        <p className="lead">{t('site.surveyOnly.intro')}</p>
        <SurveyForm callId={callId} emptyText={t('site.surveyOnly.none')} />
      </>
    );
  } else {
    content = (
      <>
        {waiting.length > 0 ? (
          <WaitingNotice count={waiting.length} status={waiting[0]!.status} onRetry={outbox.retry} />
        ) : null}
        {refusal && !refusal.restored ? <RefusalNotice refusal={refusal} /> : null}
        <SurveyPointer callId={callId} />
        <ContributionForm
          info={info}
          draft={draft}
          onChange={setDraft}
          onSubmit={(values, website) => submit(info, values, website)}
          refusal={refusal?.restored ? `${t('call.form.refused', { reason: refusal.message })} ${t('call.form.refusedRestored')}` : null}
          focusOnMount={view.kind === 'form' && view.focus}
        />
        {/* The call's survey questions, if it has any open (nothing otherwise). */}
        <SurveyForm callId={callId} />
      </>
    );
  }

  return (
    <Layout className="page--call">
      <div className="call">
        <CallHeader info={info} />
        {earlierSent ? (
          <p role="status" className="notice call-earlier-sent">
            {t('call.sent.earlierSent', { code: earlierSent })}
          </p>
        ) : null}
        {content}
        <EarlierContributions receipts={listReceipts(callId)} />
      </div>
    </Layout>
  );
}

function LoadState({ load, onRetry }: { load: Exclude<CallLoad, { kind: 'ready' }>; onRetry: () => void }) {
  const { t } = useTranslation();
  if (load.kind === 'not-found') return <CallNotFound />;
  if (load.kind === 'loading') return <p className="message-page loading">{t('call.loading')}</p>;
  const message = load.offline
    ? t('call.loadOffline')
    : load.code === ErrorCode.RATE_LIMITED && load.retryAfter
      ? t('call.rateLimitedFor', { seconds: load.retryAfter })
      : t('call.loadFailed', { reason: errorText(t, load.code) });
  return (
    <div className="message-page">
      <h1>{t('call.kicker')}</h1>
      <p role="alert" className="alert">
        {message}
      </p>
      <button type="button" className="button button--secondary" onClick={onRetry}>
        {t('call.tryAgain')}
      </button>
    </div>
  );
}
