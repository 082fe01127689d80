import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS, type Initiative } from '../../shared';
import { ModalDialog } from '../comments/ModalDialog';
import { useBoardStore } from '../state/board-store';
import { ErrorText } from '../ui/ErrorText';
import { IdeaPicker } from './IdeaPicker';
import { checkDraft, draftOf, type DraftErrors, type InitiativeDraft } from './initiative-form';
import { InitiativeFields } from './InitiativeFields';
import { focusable, initiativeElementId, showDockPanelOf } from '../ui/jump';
import { untilStore } from './until-store';
import { useInitiativeCommands } from './useInitiativeCommands';
import { DialogActions } from '../ui/DialogActions';

interface Props {
  /** null: a new initiative. */
  initiative: Initiative | null;
  onClose: () => void;
}

/** Facilitators: record what ideas led to, or change it; everyone sees the result. */
export function InitiativeDialog({ initiative, onClose }: Props) {
  const { t } = useTranslation();
  const ids = useId();
  const commands = useInitiativeCommands();
  const announce = useBoardStore((s) => s.announce);
  const beacons = useBoardStore((s) => s.settings?.beacons) ?? [];
  const ideas = useBoardStore((s) => s.ideas);
  const [draft, setDraft] = useState<InitiativeDraft>(() => draftOf(initiative));
  const [errors, setErrors] = useState<DraftErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  const saved = useRef<string | null>(initiative?.id ?? null);
  const gone = useMemo(() => draft.ideaIds.filter((id) => !ideas.has(id)).length, [draft.ideaIds, ideas]);

  // After a refused submit: focus the first field that needs attention.
  useEffect(() => {
    if (attempt > 0) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempt]);

  const change = (patch: Partial<InitiativeDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setErrors((e) => {
      const next = { ...e };
      if ('title' in patch) delete next.title;
      if ('decisionLink' in patch) delete next.decisionLink;
      return next;
    });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const checked = checkDraft(draft, { beaconIds: new Set(beacons.map((b) => b.id)), hasIdea: (id) => ideas.has(id) });
    if (!checked.ok) {
      setErrors(checked.errors);
      setAttempt((n) => n + 1);
      return;
    }
    setBusy(true);
    setFailure(null);
    const result = await commands.save(initiative?.id ?? null, checked.fields);
    if (!result.ok) {
      setBusy(false);
      setFailure(result.error);
      return;
    }
    const { id, updatedAt } = result.data;
    await untilStore((s) => s.initiatives.some((i) => i.id === id && i.updatedAt >= updatedAt));
    setBusy(false);
    saved.current = id;
    // Saved from the tools: the card is in the dock's initiatives tab, which comes into view with it.
    showDockPanelOf(document.getElementById(initiativeElementId(id)));
    announce(t('outcomes.form.saved', { title: result.data.title }));
    onClose();
  };

  return (
    <ModalDialog
      title={initiative ? t('outcomes.form.editTitle') : t('outcomes.form.createTitle')}
      onClose={onClose}
      returnFocus={() => (saved.current ? focusable(initiativeElementId(saved.current)) : null)}
    >
      <form ref={form} className="modal__body initiative-form" onSubmit={(e) => void submit(e)} noValidate>
        <p>{t('outcomes.form.intro')}</p>
        <div className="field">
          <label htmlFor={`${ids}-title`}>
            {t('outcomes.form.title')}
            <span aria-hidden="true"> *</span>
          </label>
          <input
            id={`${ids}-title`}
            value={draft.title}
            maxLength={LIMITS.initiativeTitle}
            required
            aria-invalid={errors.title ? true : undefined}
            aria-describedby={errors.title ? `${ids}-title-error` : undefined}
            onChange={(e) => change({ title: e.target.value })}
          />
          {errors.title ? (
            <p id={`${ids}-title-error`} className="error-text">
              {t('outcomes.form.titleRequired')}
            </p>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor={`${ids}-description`}>{t('outcomes.form.description')}</label>
          <textarea
            id={`${ids}-description`}
            rows={3}
            value={draft.description}
            maxLength={LIMITS.initiativeDescription}
            aria-describedby={`${ids}-description-hint`}
            onChange={(e) => change({ description: e.target.value })}
          />
          <p id={`${ids}-description-hint`} className="hint">
            {t('outcomes.form.descriptionHint')}
          </p>
        </div>
        <InitiativeFields draft={draft} errors={errors} beacons={beacons} onChange={change} />
        <IdeaPicker ideaIds={draft.ideaIds} gone={gone} onChange={(ideaIds) => change({ ideaIds })} />
        <ErrorText message={Object.keys(errors).length > 0 ? t('outcomes.form.fixErrors') : failure} />
        <DialogActions submitLabel={busy ? t('outcomes.form.saving') : t('outcomes.form.save')} busy={busy} onCancel={onClose} />
      </form>
    </ModalDialog>
  );
}
