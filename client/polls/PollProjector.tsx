import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { pollOptions, resultsPublic, type Poll } from '../../shared';
import { JoinPanel } from '../observer/JoinPanel';
import { PollResultsView } from './PollResultsView';
import { selectLivePoll, usePollsStore } from './polls-store';
import { usePollLink } from './usePollLink';
import { TimerDisplay } from '../workshop/TimerDisplay';
import type { BoardSync } from '../sync/board-sync';

interface Props {
  sync?: BoardSync;
  /** For a board from before join codes: its QR code, if this device holds the link. */
  participantLink?: string | null;
}

/**
 * The projector's live poll, filling the screen. While answers come in and the results are
 * hidden (as Mentimeter and Slido show a poll): the question large, what to answer (the
 * options, the scale's ends, or a line saying what to write), the count of answers rising
 * as phones answer (announced politely), and beside them how to join, for those who come
 * late. The workshop timer only while it counts down (the facilitator may be timing the
 * poll with it): a finished, paused or idle one (often a writing round's "time's up") would
 * only stand beside the poll as noise; phones still show it in their header, the console in
 * its card. All of it is the poll's definition, which every copy of the board
 * holds; the counts per option are not there until the results are public (shown by the
 * facilitator, or live results), so the options stand without numbers. Then the results
 * fill the screen, with the join code kept on one line under them. Renders nothing while
 * no poll is live, so the wall of ideas shows instead.
 */
export function PollProjector({ sync, participantLink = null }: Props) {
  const { t } = useTranslation();
  const poll = usePollsStore(selectLivePoll);
  const count = usePollsStore((s) => (poll ? s.counts[poll.id] : undefined));
  usePollLink(poll?.id ?? null, { sync });
  if (!poll) return null;
  const shown = poll.results && resultsPublic(poll) ? poll.results : null;
  const answers = shown?.answers ?? count ?? 0;
  const open = poll.state === 'open';
  return (
    <section
      className={`poll-wall poll-wall--${shown ? 'results' : 'asking'}`}
      aria-label={t('polls.projector.label')}
      data-poll-wall={poll.id}
      data-poll-type={poll.type}
    >
      <div className="poll-wall__main">
        <h1 className="poll-wall__question">{poll.question}</h1>
        {shown ? (
          <PollResultsView poll={poll} results={shown} variant="wall" />
        ) : (
          <>
            <PollPrompt poll={poll} />
            <div className="poll-wall__waiting">
              <p className="poll-wall__count" aria-live="polite" data-poll-count={answers}>
                {t('polls.results.answers', { count: answers })}
              </p>
              <p className="poll-wall__hint">{open ? t('polls.results.waiting') : t('polls.answer.closed')}</p>
            </div>
          </>
        )}
      </div>
      {shown ? (
        open ? (
          <div className="poll-wall__foot">
            <JoinPanel participantLink={participantLink} variant="line" />
          </div>
        ) : null
      ) : (
        <div className="poll-wall__side">
          <TimerDisplay variant="huge" onlyRunning />
          {open ? <JoinPanel participantLink={participantLink} quietWhenClosed /> : null}
        </div>
      )}
    </section>
  );
}

/** What to answer, without any counts: the options, the scale's ends, or what to write. */
function PollPrompt({ poll }: { poll: Poll }) {
  const { t } = useTranslation();
  const options = pollOptions(poll);
  const instruction =
    poll.type === 'single'
      ? t('polls.projector.chooseOne')
      : poll.type === 'multiple'
        ? poll.maxChoices === null || poll.maxChoices >= options.length
          ? t('polls.projector.chooseAny')
          : t('polls.projector.chooseUpTo', { count: poll.maxChoices })
        : poll.type === 'ranking'
          ? t('polls.projector.rank')
          : poll.type === 'scale'
            ? t('polls.projector.scale', { max: poll.scaleMax })
            : poll.type === 'wordcloud'
              ? t('polls.projector.words', { count: poll.maxWords })
              : t('polls.projector.text');
  return (
    <div className="poll-prompt" data-prompt={options.length > 0 ? 'options' : poll.type === 'scale' ? 'scale' : 'write'}>
      <p className="poll-prompt__instruction">{instruction}</p>
      {options.length > 0 ? (
        // Many options go in two columns, in a smaller size, so twelve still fit the screen.
        <ul className="poll-prompt__options" aria-label={t('polls.projector.options')} data-options={options.length > 6 ? 'many' : options.length > 4 ? 'some' : 'few'}>
          {options.map((o) => (
            <li key={o.id} className="poll-prompt__option" data-option={o.id}>
              {o.label}
            </li>
          ))}
        </ul>
      ) : null}
      {poll.type === 'scale' ? (
        <div className="poll-prompt__scale" style={{ '--scale-steps': poll.scaleMax } as CSSProperties}>
          <ol className="poll-prompt__steps" aria-hidden="true">
            {Array.from({ length: poll.scaleMax }, (_, i) => (
              <li key={i}>{i + 1}</li>
            ))}
          </ol>
          <p className="poll-prompt__ends">
            <span>
              <strong>1</strong> {poll.minLabel}
            </span>
            <span>
              {poll.maxLabel} <strong>{poll.scaleMax}</strong>
            </span>
          </p>
        </div>
      ) : null}
    </div>
  );
}
