import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS, type BoardSettings } from '../../shared';
import { useBoardSync } from '../board/BoardSyncContext';
import { resultErrorText } from '../i18n/errors';
import { ErrorText } from '../ui/ErrorText';
import { ListEditor, type ListItem } from './ListEditor';

/**
 * Title, description, questions and beacons, edited as a draft and saved together: the
 * server validates the whole patch and writes it into the document for everyone. The
 * panel remounts the form when the document's settings change, so "saved" is shown there.
 */
export function SettingsForm({ settings, onSaved }: { settings: BoardSettings; onSaved: () => void }) {
  const { t } = useTranslation();
  const ids = useId();
  const sync = useBoardSync();
  const [title, setTitle] = useState(settings.title);
  const [description, setDescription] = useState(settings.description);
  const [questions, setQuestions] = useState<ListItem[]>(settings.questions);
  const [beacons, setBeacons] = useState<ListItem[]>(settings.beacons.map((b) => ({ id: b.id, text: b.name })));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const cleanQuestions = questions.map((q) => ({ id: q.id, text: q.text.trim() }));
    const cleanBeacons = beacons.map((b) => ({ id: b.id, name: b.text.trim() }));
    if (!title.trim() || cleanQuestions.some((q) => !q.text) || cleanBeacons.some((b) => !b.name)) {
      setError(t('facilitator.emptyField'));
      return;
    }
    setError(null);
    setBusy(true);
    const focusKept = cleanQuestions.some((q) => q.id === settings.focusQuestionId);
    const result = await sync.updateSettings({
      title: title.trim(),
      description,
      questions: cleanQuestions,
      beacons: cleanBeacons,
      ...(focusKept ? {} : { focusQuestionId: null }),
    });
    setBusy(false);
    if (result.ok) onSaved();
    else setError(resultErrorText(t, result));
  };

  return (
    <form className="settings-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${ids}-heading`}>
      <h3 id={`${ids}-heading`}>{t('facilitator.settingsHeading')}</h3>
      <div className="field">
        <label htmlFor={`${ids}-title`}>{t('facilitator.title')}</label>
        <input id={`${ids}-title`} value={title} maxLength={LIMITS.boardTitle} onChange={(e) => setTitle(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${ids}-description`}>{t('facilitator.description')}</label>
        <textarea
          id={`${ids}-description`}
          rows={3}
          value={description}
          maxLength={LIMITS.boardDescription}
          onChange={(e) => setDescription(e.target.value)}
        />
      </div>
      {/* The console's "Edit questions" lands here. */}
      <fieldset className="field" id="settings-questions" tabIndex={-1}>
        <legend>{t('facilitator.questionsHeading')}</legend>
        <ListEditor
          items={questions}
          onChange={setQuestions}
          max={LIMITS.questionsPerBoard}
          maxLength={LIMITS.questionText}
          multiline
          itemLabel={(n) => t('facilitator.question', { n })}
          removeLabel={(n) => t('facilitator.removeQuestion', { n })}
          upLabel={(n) => t('facilitator.moveQuestionUp', { n })}
          downLabel={(n) => t('facilitator.moveQuestionDown', { n })}
          addLabel={t('facilitator.addQuestion')}
        />
      </fieldset>
      <fieldset className="field">
        <legend>{t('facilitator.beaconsHeading')}</legend>
        <p className="hint">{t('facilitator.beaconsHelp')}</p>
        <ListEditor
          items={beacons}
          onChange={setBeacons}
          max={LIMITS.beaconsPerBoard}
          maxLength={LIMITS.beaconName}
          itemLabel={(n) => t('facilitator.beacon', { n })}
          removeLabel={(n) => t('facilitator.removeBeacon', { n })}
          addLabel={t('facilitator.addBeacon')}
        />
      </fieldset>
      <ErrorText message={error} />
      <button type="submit" className="button button--primary" disabled={busy}>
        {busy ? t('app.saving') : t('facilitator.saveSettings')}
      </button>
    </form>
  );
}
