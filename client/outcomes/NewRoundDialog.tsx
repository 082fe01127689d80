import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { IDEA_STATUSES, LIMITS, type IdeaStatus } from '../../shared';
import { ModalDialog } from '../comments/ModalDialog';
import { STATUS_GLYPHS } from '../comments/social-format';
import { resultErrorText } from '../i18n/errors';
import { saveBoardMeta, saveLinks, type StoredSession } from '../session/storage';
import { useBoardStore } from '../state/board-store';
import { ErrorText } from '../ui/ErrorText';
import { request, type DataOf } from '../rest/api';
import { carriedCount, roundTitle, statusCounts } from './round';
import { DialogActions } from '../ui/DialogActions';

type RoundCreated = DataOf<'startRound'>;

interface Props {
  session: StoredSession;
  onClose: () => void;
}

/** Title and which ideas to carry, then the new board's way in (its links kept on this device). */
export function NewRoundDialog({ session, onClose }: Props) {
  const { t } = useTranslation();
  const [created, setCreated] = useState<RoundCreated | null>(null);
  return (
    <ModalDialog title={t('outcomes.round.dialogTitle')} onClose={onClose}>
      {created ? <RoundCreatedView created={created} onClose={onClose} /> : <RoundForm session={session} onCreated={setCreated} onClose={onClose} />}
    </ModalDialog>
  );
}

function RoundForm({ session, onCreated, onClose }: { session: StoredSession; onCreated: (c: RoundCreated) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const ids = useId();
  const boardTitle = useBoardStore((s) => s.settings?.title) ?? session.boardTitle;
  const ideas = useBoardStore((s) => s.ideas);
  const statuses = useBoardStore((s) => s.statuses);
  const counts = useMemo(() => statusCounts(ideas.keys(), statuses), [ideas, statuses]);
  const [title, setTitle] = useState(() => roundTitle(boardTitle, (base, n) => t('outcomes.round.defaultTitle', { title: base, n })));
  const [chosen, setChosen] = useState<ReadonlySet<IdeaStatus>>(() => new Set(['selected']));
  const [titleError, setTitleError] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const titleRef = useRef<HTMLInputElement>(null);
  const carried = carriedCount(counts, chosen);

  const toggle = (status: IdeaStatus, on: boolean) =>
    setChosen((before) => {
      const next = new Set(before);
      if (on) next.add(status);
      else next.delete(status);
      return next;
    });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!title.trim()) {
      setTitleError(true);
      titleRef.current?.focus();
      return;
    }
    setBusy(true);
    setFailure(null);
    const result = await request('startRound', {
      params: { boardId: session.identity.boardId },
      session: session.sessionToken,
      body: { title: title.trim(), statuses: IDEA_STATUSES.filter((s) => chosen.has(s)) },
    });
    setBusy(false);
    if (!result.ok) {
      setFailure(resultErrorText(t, result));
      return;
    }
    saveLinks(result.data.boardId, result.data.links);
    saveBoardMeta(result.data.boardId, { title: result.data.title, createdAt: Date.now() });
    onCreated(result.data);
  };

  return (
    <form className="modal__body" onSubmit={(e) => void submit(e)} noValidate>
      <p>{t('outcomes.round.intro')}</p>
      <div className="field">
        <label htmlFor={`${ids}-title`}>{t('outcomes.round.title')}</label>
        <input
          ref={titleRef}
          id={`${ids}-title`}
          value={title}
          maxLength={LIMITS.boardTitle}
          required
          aria-invalid={titleError ? true : undefined}
          aria-describedby={titleError ? `${ids}-title-error` : undefined}
          onChange={(e) => {
            setTitle(e.target.value);
            setTitleError(false);
          }}
        />
        {titleError ? (
          <p id={`${ids}-title-error`} className="error-text" role="alert">
            {t('outcomes.round.titleRequired')}
          </p>
        ) : null}
      </div>
      <fieldset className="field" aria-describedby={`${ids}-carry-hint`}>
        <legend>{t('outcomes.round.carry')}</legend>
        <p id={`${ids}-carry-hint`} className="hint">
          {t('outcomes.round.carryHint')}
        </p>
        <div className="round-statuses">
          {IDEA_STATUSES.map((status) => (
            <label key={status} className="check">
              <input type="checkbox" checked={chosen.has(status)} onChange={(e) => toggle(status, e.target.checked)} />
              <span className={`status-badge status-badge--${status}`}>
                <span aria-hidden="true" className="status-badge__glyph">
                  {STATUS_GLYPHS[status]}
                </span>{' '}
                {t(`comments.status.names.${status}`)}
              </span>
              <span className="round-statuses__count">({counts[status]})</span>
            </label>
          ))}
        </div>
      </fieldset>
      <p className="round-carried" role="status" data-carried={carried}>
        {carried > 0 ? t('outcomes.round.carrying', { count: carried }) : t('outcomes.round.carryingNone')}
      </p>
      <ErrorText message={failure} />
      <DialogActions submitLabel={busy ? t('outcomes.round.starting') : t('outcomes.round.submit')} busy={busy} onCancel={onClose} />
    </form>
  );
}

function RoundCreatedView({ created, onClose }: { created: RoundCreated; onClose: () => void }) {
  const { t } = useTranslation();
  const message = useRef<HTMLParagraphElement>(null);
  // The form that had focus is gone: start where the result is told.
  useEffect(() => message.current?.focus(), []);
  return (
    <div className="modal__body" data-round-created={created.boardId}>
      <p ref={message} tabIndex={-1} className="success-text">
        {t('outcomes.round.created', { title: created.title, count: created.carried })}
      </p>
      <p>{t('outcomes.round.linksSaved')}</p>
      <div className="modal__actions">
        <a className="button button--primary" href={created.links.facilitator}>
          {t('outcomes.round.open')}
        </a>
        <button type="button" className="button" onClick={onClose}>
          {t('outcomes.round.later')}
        </button>
      </div>
    </div>
  );
}
