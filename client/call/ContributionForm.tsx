import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS, type PublicCallInfo } from '../../shared';
import { ErrorText } from '../ui/ErrorText';
import { AboutYouFields } from './AboutYouFields';
import { FIELD_ORDER, validateDraft, withoutEmail, type Draft, type DraftErrors } from './draft';
import { IdeaTextField } from './IdeaTextField';
import { PlacementFields } from './PlacementFields';
import { QuestionChoice } from './QuestionChoice';
import { send } from '../rest/api';
import { SimilarIdeas, type SimilarItem } from '../sensemaking/SimilarIdeas';
import { useSimilar } from '../sensemaking/useSimilar';

interface Props {
  info: PublicCallInfo;
  draft: Draft;
  onChange: (draft: Draft) => void;
  /** Called with a draft that passed the checks, and the honeypot's content. */
  onSubmit: (draft: Draft, website: string) => void;
  /** The server's refusal of the last attempt, in words. */
  refusal: string | null;
  /** Put the cursor in the idea field at once ("write another idea"). */
  focusOnMount?: boolean;
}

/** The contribution form: the idea, its question and placement, and (optionally) who wrote it. */
export function ContributionForm({ info, draft, onChange, onSubmit, refusal, focusOnMount = false }: Props) {
  const { t } = useTranslation();
  const ids = useId();
  const ideaRef = useRef<HTMLTextAreaElement>(null);
  const [errors, setErrors] = useState<DraftErrors>({});
  // Errors show after a first attempt, and from then on follow what is typed.
  const [attempted, setAttempted] = useState(false);
  const [website, setWebsite] = useState('');
  // Published ideas like the one being written: the writer may still send theirs.
  const askSimilar = useCallback(
    async (text: string): Promise<SimilarItem[] | null> => {
      const { result } = await send('callSimilar', { params: { callId: info.callId }, body: { text } });
      return result.ok ? result.data.suggestions : null;
    },
    [info.callId],
  );
  const similar = useSimilar(draft.text, askSimilar);

  useEffect(() => {
    if (focusOnMount) ideaRef.current?.focus();
  }, [focusOnMount]);

  // Without mail on the server the form asks for no e-mail (PublicCallInfo.followUpByMail).
  const askEmail = info.followUpByMail;
  const checked = (values: Draft) => (askEmail ? values : withoutEmail(values));

  const change = (patch: Partial<Draft>) => {
    const next = { ...draft, ...patch };
    onChange(next);
    if (attempted) setErrors(validateDraft(checked(next)));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validateDraft(checked(draft));
    setAttempted(true);
    setErrors(found);
    const first = FIELD_ORDER.find((field) => found[field]);
    if (first) {
      if (first === 'text') ideaRef.current?.focus();
      else document.getElementById(`${ids}-${first}`)?.focus();
      return;
    }
    setAttempted(false);
    onSubmit(checked(draft), website);
  };

  const textError = errors.text ? t(`call.form.errors.${errors.text}`, { max: LIMITS.ideaText }) : null;
  const hasErrors = Object.keys(errors).length > 0;

  return (
    <section className="card call-form-card" aria-labelledby={`${ids}-heading`}>
      <h2 id={`${ids}-heading`}>{t('call.form.heading')}</h2>
      <p className="hint">{t('call.form.required')}</p>
      <form className="form call-form" onSubmit={submit} noValidate>
        <IdeaTextField
          id={`${ids}-text`}
          value={draft.text}
          error={textError}
          inputRef={ideaRef}
          onChange={(text) => change({ text })}
        />
        <SimilarIdeas items={similar} intro={t('sense.similar.introCall')} />
        {info.questions.length > 0 ? (
          <QuestionChoice
            name={`${ids}-question`}
            questions={info.questions}
            value={draft.questionId}
            onChange={(questionId) => change({ questionId })}
          />
        ) : null}
        <PlacementFields draft={draft} onChange={change} />
        <AboutYouFields ids={ids} draft={draft} errors={errors} askEmail={askEmail} onChange={change} />

        {/*
          Honeypot. Off-screen rather than display:none (bots that render CSS skip those),
          hidden from assistive technology and out of the tab order, so only bots fill it.
        */}
        <div className="call-honeypot" aria-hidden="true">
          <label htmlFor={`${ids}-website`}>{t('call.form.honeypot')}</label>
          <input
            id={`${ids}-website`}
            name="website"
            type="text"
            tabIndex={-1}
            autoComplete="off"
            value={website}
            onChange={(e) => setWebsite(e.target.value)}
          />
        </div>

        {refusal ? (
          <p role="alert" className="alert call-refusal">
            {refusal}
          </p>
        ) : null}
        <ErrorText message={hasErrors && attempted ? t('call.form.errorSummary') : null} />
        <div className="call-form__send">
          <button type="submit" className="button button--primary call-form__submit">
            {t('call.form.submit')}
          </button>
          <p className="hint">{t('call.form.draftKept')}</p>
        </div>
      </form>
    </section>
  );
}
