import { useRef, useState } from 'react';
import { useT } from '../../i18n/useT';
import type { Idea } from '../../../shared';
import { ModerateEditDialog } from '../../comments/ModerateEditDialog';
import { PurgeDialog } from '../../comments/PurgeDialog';
import { ReasonDialog } from '../../comments/ReasonDialog';
import { StatusDialog } from '../../comments/StatusDialog';
import { useSocialCommands } from '../../comments/useSocialCommands';
import { useBoardStore } from '../../state/board-store';
import { MoveMenu } from './MoveMenu';

type Open = 'status' | 'edit' | 'hide' | 'purge' | null;

/** The moderate button's id on a note (MoveMenu builds it from the idea id and suffix). */
const moderateButtonId = (ideaId: string) => `idea-${ideaId}-moderate`;

/**
 * Where focus goes once a note leaves the board (hidden, deleted): the next note's (or the
 * previous one's) moderate button, else the ideas heading. Looked up before the note goes.
 */
function neighbourOf(ideaId: string): () => HTMLElement | null {
  const item = document.querySelector(`[data-idea="${CSS.escape(ideaId)}"]`)?.closest('li');
  const near = (item?.nextElementSibling ?? item?.previousElementSibling)?.querySelector<HTMLElement>('[data-idea]');
  const nearId = near?.dataset.idea;
  return () =>
    (nearId ? document.getElementById(moderateButtonId(nearId)) : null) ?? document.querySelector<HTMLElement>('.ideas__heading');
}

/** Facilitators: status, moderator edit, hide and permanent deletion of one idea. */
export function ModerateMenu({ idea, describedBy }: { idea: Idea; describedBy: string }) {
  const t = useT();
  const commands = useSocialCommands();
  const announce = useBoardStore((s) => s.announce);
  const [open, setOpen] = useState<Open>(null);
  // Set when the note is about to leave; read when the dialog closes, which may be when the note goes.
  const leaving = useRef<(() => HTMLElement | null) | null>(null);
  const returnFocus = () => leaving.current?.() ?? document.getElementById(moderateButtonId(idea.id));
  const close = () => setOpen(null);

  const options = () => [
    { key: 'status', label: t('comments.moderate.status'), onSelect: () => setOpen('status') },
    { key: 'edit', label: t('comments.moderate.edit'), onSelect: () => setOpen('edit') },
    { key: 'hide', label: t('comments.moderate.hide'), onSelect: () => setOpen('hide') },
    { key: 'purge', label: t('comments.moderate.purge'), onSelect: () => setOpen('purge') },
  ];

  return (
    <>
      <MoveMenu
        ideaId={idea.id}
        options={options}
        describedBy={describedBy}
        label={t('comments.moderate.menu')}
        menuLabel={t('comments.moderate.menuLabel')}
        idSuffix="moderate"
      />
      {open === 'status' ? <StatusDialog ideaId={idea.id} ideaText={idea.text} returnFocus={returnFocus} onClose={close} /> : null}
      {open === 'edit' ? <ModerateEditDialog ideaId={idea.id} text={idea.text} returnFocus={returnFocus} onClose={close} /> : null}
      {open === 'hide' ? (
        <ReasonDialog
          title={t('comments.moderate.hideTitle')}
          intro={t('comments.moderate.hideIntro')}
          submitLabel={t('comments.moderate.hideSubmit')}
          excerpt={idea.text}
          returnFocus={returnFocus}
          onSubmit={async (reason) => {
            // The note may leave before the answer arrives: know its neighbour now.
            leaving.current = neighbourOf(idea.id);
            const failure = await commands.hideIdea(idea.id, reason);
            if (failure) leaving.current = null;
            else announce(t('comments.moderate.hidden'));
            return failure;
          }}
          onClose={close}
        />
      ) : null}
      {open === 'purge' ? (
        <PurgeDialog
          ideaId={idea.id}
          text={idea.text}
          returnFocus={returnFocus}
          onSending={() => {
            leaving.current = neighbourOf(idea.id);
          }}
          onResult={(purged) => {
            if (purged) announce(t('comments.moderate.purged'));
            else leaving.current = null;
          }}
          onClose={close}
        />
      ) : null}
    </>
  );
}
