import type { ReactNode } from 'react';
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
  /** Facilitators' moderation menu, last in the row. */
  moderation?: ReactNode;
}

/**
 * A note's buttons. Only what the workshop step allows is offered (the board explains the
 * step above), so nothing here would be refused by the server.
 */
export function NoteActions(props: Props) {
  const t = useT();
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
  if (!permissions.move && !permissions.edit && !permissions.delete && !props.moderation) return null;
  return (
    <div className="note__actions">
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
      {props.moderation}
    </div>
  );
}
