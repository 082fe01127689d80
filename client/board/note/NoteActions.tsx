import { useId, useRef, useState, type ReactNode } from 'react';
import { useT } from '../../i18n/useT';
import type { IdeaPermissions } from '../../workshop/permissions';
import { MoveMenu, type MoveOption } from './MoveMenu';

interface Props {
  ideaId: string;
  textId: string;
  permissions: IdeaPermissions;
  moveOptions: () => MoveOption[];
  clusterOptions: () => MoveOption[];
  /** Whether the idea's question has clusters to offer (the menu's options are built on opening). */
  hasClusterOptions: boolean;
  confirming: boolean;
  onEdit: () => void;
  onAskDelete: () => void;
  onCancelDelete: () => void;
  onDelete: () => void;
  /** Participants: "Report" for someone else's idea. */
  report?: ReactNode;
  /** Facilitators' moderation menu, last in the row. */
  moderation?: ReactNode;
}

/** The id of a note's "⋯" button: focus comes back to it when a move took the menu away. */
export const actionsButtonId = (ideaId: string) => `idea-${ideaId}-actions`;

/**
 * A note's buttons behind one "⋯" button, so the idea's text is the main thing on the note.
 * Only what the workshop step allows is offered (the board explains the step above), so
 * nothing here would be refused by the server. Escape closes the row, focus goes back to "⋯".
 */
export function NoteActions(props: Props) {
  const t = useT();
  const ids = useId();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const { ideaId, textId, permissions } = props;
  if (props.confirming && permissions.delete) {
    return (
      <div className="note__confirm" role="group" aria-label={t('idea.confirmDelete')}>
        <p>{t('idea.confirmDelete')}</p>
        <button type="button" className="button button--danger button--small" onClick={props.onDelete}>
          {t('idea.confirmYes')}
        </button>
        <button type="button" className="button button--small" autoFocus onClick={props.onCancelDelete}>
          {t('idea.confirmNo')}
        </button>
      </div>
    );
  }
  if (!permissions.move && !permissions.edit && !permissions.delete && !props.report && !props.moderation) return null;
  return (
    <div className="note__more">
      <button
        ref={button}
        id={actionsButtonId(ideaId)}
        type="button"
        className={`note__more-button${open ? ' is-expanded' : ''}`}
        aria-expanded={open}
        aria-controls={`${ids}-actions`}
        aria-label={t('room.noteMenu')}
        aria-describedby={textId}
        onClick={() => setOpen((o) => !o)}
      >
        <span aria-hidden="true">⋯</span>
      </button>
      <div
        id={`${ids}-actions`}
        className="note__actions"
        hidden={!open}
        onKeyDown={(event) => {
          // A dialog opened from the row (moderation) handles its own Escape.
          if (event.key === 'Escape' && !event.defaultPrevented && !(event.target as Element).closest('dialog, [role="dialog"]')) {
            event.preventDefault();
            setOpen(false);
            button.current?.focus();
          }
        }}
      >
        {/* Built only while open: a board shows hundreds of closed rows, and their buttons were a
            fifth of a note's DOM. */}
        {open ? <NoteActionRow {...props} /> : null}
      </div>
    </div>
  );
}

function NoteActionRow(props: Props) {
  const t = useT();
  const { ideaId, textId, permissions } = props;
  return (
    <>
      {permissions.move ? <MoveMenu ideaId={ideaId} options={props.moveOptions} describedBy={textId} /> : null}
      {permissions.move && props.hasClusterOptions ? (
        <MoveMenu
          ideaId={ideaId}
          options={props.clusterOptions}
          describedBy={textId}
          label={t('clusters.addTo')}
          menuLabel={t('clusters.menu')}
          idSuffix="cluster"
        />
      ) : null}
      {permissions.edit ? (
        <button type="button" className="button button--small" aria-describedby={textId} onClick={props.onEdit}>
          {t('idea.edit')}
        </button>
      ) : null}
      {permissions.delete ? (
        <button type="button" className="button button--small button--quiet" aria-describedby={textId} onClick={props.onAskDelete}>
          {t('idea.delete')}
        </button>
      ) : null}
      {props.report}
      {props.moderation}
    </>
  );
}
