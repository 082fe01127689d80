import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardSettings, Idea } from '../../../shared';
import { useBoardSync } from '../BoardSyncContext';
import { IdeaTextField } from '../composer/IdeaTextField';
import { PlacementFields, type Placement } from '../composer/PlacementFields';

interface Props {
  idea: Idea;
  settings: BoardSettings | null;
  /** False when the lock or the workshop step forbids editing now (the server would refuse). */
  canSave: boolean;
  onDone: () => void;
}

/** Edits an idea in place; others see "… is editing" through awareness meanwhile. */
export function NoteEditor({ idea, settings, canSave, onDone }: Props) {
  const { t } = useTranslation();
  const sync = useBoardSync();
  const textRef = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState(idea.text);
  const [placement, setPlacement] = useState<Placement>({
    phase: idea.phase,
    principle: idea.principle,
    track: idea.track,
    beacons: idea.beacons,
    questionId: idea.questionId,
  });
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    textRef.current?.focus();
    sync.setEditing(idea.id);
    return () => sync.setEditing(null);
  }, [sync, idea.id]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!canSave) return;
    if (!text.trim()) {
      setError(t('composer.empty'));
      textRef.current?.focus();
      return;
    }
    if (!sync.updateIdea(idea.id, { ...placement, text })) {
      setError(t('errors.generic'));
      return;
    }
    onDone();
  };

  return (
    <form className="note-editor" onSubmit={submit} noValidate aria-label={t('idea.editHeading')}>
      <IdeaTextField label={t('composer.text')} value={text} onChange={setText} error={error} inputRef={textRef} rows={4} />
      <PlacementFields value={placement} onChange={setPlacement} settings={settings} />
      {canSave ? null : (
        <p className="composer__blocked" role="status">
          {t('idea.cannotSaveNow')}
        </p>
      )}
      <div className="note__actions">
        <button type="submit" className="button button--primary button--small" disabled={!canSave}>
          {t('idea.saveEdit')}
        </button>
        <button type="button" className="button button--small" onClick={onDone}>
          {t('app.cancel')}
        </button>
      </div>
    </form>
  );
}
