import { useMemo } from 'react';
import { useT } from '../../i18n/useT';
import type { IdeaOrigin } from '../../../shared';
import { initiativeElementId, jumpTo } from '../../ui/jump';
import { loadLinks, loadSession } from '../../session/storage';
import { useIdeaFields } from '../../state/idea-fields';

/** The earlier board, when this device can open it (it holds that board's links or a session). */
function originHref(origin: IdeaOrigin): string | null {
  const links = loadLinks(origin.boardId);
  if (links) return links.facilitator;
  return loadSession('board', origin.boardId) ? `/b/${encodeURIComponent(origin.boardId)}` : null;
}

/** On a note: the initiatives the idea became part of, and the earlier round it came from. */
export function NoteOutcome({ ideaId }: { ideaId: string }) {
  const t = useT();
  const { initiatives, origin } = useIdeaFields(ideaId, (s) => ({ initiatives: s.ideaInitiatives.get(ideaId), origin: s.origins.get(ideaId) }));
  const href = useMemo(() => (origin ? originHref(origin) : null), [origin]);
  if (!initiatives && !origin) return null;
  const originText = origin ? `${origin.boardTitle} (${t(`comments.status.names.${origin.status}`)})` : '';

  return (
    <div className="note-outcome">
      {initiatives?.map((ref) => (
        <p key={ref.id} className="note-outcome__line" data-initiative-ref={ref.id}>
          <span className="note-outcome__label">{t('outcomes.note.partOf')}</span>{' '}
          <a
            href={`#${initiativeElementId(ref.id)}`}
            onClick={(event) => {
              event.preventDefault();
              jumpTo(initiativeElementId(ref.id));
            }}
          >
            {ref.title}
          </a>
        </p>
      ))}
      {origin ? (
        <p className="note-outcome__line" data-origin={origin.boardId}>
          <span className="note-outcome__label">{t('outcomes.note.fromRound')}</span> {href ? <a href={href}>{originText}</a> : originText}
        </p>
      ) : null}
    </div>
  );
}
