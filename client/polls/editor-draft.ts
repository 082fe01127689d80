import type { Poll, PollDraft, PollType } from '../../shared';

/** The editor's form state: every type's fields at once, so switching type loses nothing typed. */
export interface EditorState {
  question: string;
  type: PollType;
  options: Array<{ id?: string; label: string }>;
  maxChoices: string;
  scaleMax: 5 | 10;
  minLabel: string;
  maxLabel: string;
  maxWords: number;
  questionId: string;
  beaconId: string;
  resultMode: 'hidden' | 'live';
  inCall: boolean;
}

export function editorStateOf(poll: Poll | null): EditorState {
  const state: EditorState = {
    question: poll?.question ?? '',
    type: poll?.type ?? 'single',
    options: [{ label: '' }, { label: '' }],
    maxChoices: '',
    scaleMax: 5,
    minLabel: '',
    maxLabel: '',
    maxWords: 3,
    questionId: poll?.questionId ?? '',
    beaconId: poll?.beaconId ?? '',
    resultMode: poll?.resultMode ?? 'hidden',
    inCall: poll?.inCall ?? false,
  };
  if (!poll) return state;
  if ('options' in poll) state.options = poll.options.map((o) => ({ id: o.id, label: o.label }));
  if (poll.type === 'multiple') state.maxChoices = poll.maxChoices === null ? '' : String(poll.maxChoices);
  if (poll.type === 'scale') Object.assign(state, { scaleMax: poll.scaleMax, minLabel: poll.minLabel, maxLabel: poll.maxLabel });
  if (poll.type === 'wordcloud') state.maxWords = poll.maxWords;
  return state;
}

/** The draft sent to poll:create / poll:update (the server checks it again). */
export function draftOf(state: EditorState): PollDraft {
  const common = {
    question: state.question.trim(),
    questionId: state.questionId || null,
    beaconId: state.beaconId || null,
    resultMode: state.resultMode,
    inCall: state.inCall,
  };
  const options = state.options.filter((o) => o.label.trim()).map((o) => (o.id ? { id: o.id, label: o.label.trim() } : { label: o.label.trim() }));
  switch (state.type) {
    case 'single':
      return { ...common, type: 'single', options };
    case 'multiple':
      return { ...common, type: 'multiple', options, maxChoices: state.maxChoices ? Number(state.maxChoices) : null };
    case 'scale':
      return { ...common, type: 'scale', scaleMax: state.scaleMax, minLabel: state.minLabel.trim(), maxLabel: state.maxLabel.trim() };
    case 'wordcloud':
      return { ...common, type: 'wordcloud', maxWords: state.maxWords };
    case 'ranking':
      return { ...common, type: 'ranking', options };
    case 'text':
      return { ...common, type: 'text' };
  }
}
