import { useId, useState, type DragEvent } from 'react';
import { useT } from '../../i18n/useT';
import type { BoardSettings, Grouping, Idea, IdeaHistory } from '../../../shared';
import { MergeHistory } from '../../clusters/MergeHistory';
import { IdeaStatusBadge, IdeaStatusDetails } from '../../comments/IdeaStatusView';
import { Revisions } from '../../comments/Revisions';
import { useIdeaFields } from '../../state/idea-fields';
import { noteElementId } from '../../ui/jump';
import { ClusterTag } from '../../voting/RankLabel';
import { VoteControls } from '../../voting/VoteControls';
import type { IdeaPermissions } from '../../workshop/permissions';
import type { MoveOption } from './MoveMenu';
import { ReportButton } from '../../comments/ReportButton';
import { ModerateMenu } from './ModerateMenu';
import { NoteActions } from './NoteActions';
import { NoteEditor } from './NoteEditor';
import { NoteOutcome } from './NoteOutcome';
import { NoteSocial } from './NoteSocial';
import { NoteTags } from './NoteTags';

interface Props {
  idea: Idea;
  grouping: Grouping;
  settings: BoardSettings | null;
  /** What this person may do with the idea now (role, authorship, lock, workshop step). */
  permissions: IdeaPermissions;
  /** "Move to…" choices, built when the menu opens. */
  moveOptions: () => MoveOption[];
  /** "Add to cluster…" choices, built when the menu opens; offered only when `hasClusterOptions`. */
  clusterOptions: () => MoveOption[];
  hasClusterOptions: boolean;
  /** Names of the others editing the idea now (null: anonymous). */
  editors: readonly (string | null)[];
  /** Revealed vote total, or null while totals are secret. */
  total: number | null;
  /**
   * In the results' ranking, out of its group: its cluster's name (null: in none), shown as a
   * tag, and its classification in full. Undefined in a group, which says both.
   */
  cluster?: string | null;
  history: IdeaHistory | null;
  /** Facilitator's merge mode: whether this idea is selected. */
  merge: { selected: boolean; onToggle: (selected: boolean) => void } | null;
  onDelete: (idea: Idea) => void;
  onDragStart: (event: DragEvent, idea: Idea) => void;
  onDragEnd: () => void;
}

/**
 * A sticky note: status, text, author, what became of it (initiatives, the round it came
 * from), tags, votes, merge history, reactions and comments, and what this person may do
 * with it (facilitators: moderate it).
 */
export function IdeaNote(props: Props) {
  const { idea, grouping, settings, permissions, editors, total, history, merge, cluster } = props;
  const t = useT();
  const ids = useId();
  const [mode, setMode] = useState<'view' | 'edit' | 'confirm-delete'>('view');
  const [threadOpen, setThreadOpen] = useState(false);
  const { facilitator, moderated, reportable } = useIdeaFields(idea.id, (s) => {
    const facilitator = s.identity?.role === 'facilitator';
    return {
      facilitator,
      moderated: facilitator && s.moderatorEdited.has(idea.id),
      reportable: s.identity?.role === 'participant' && s.identity.participantId !== idea.authorId,
    };
  });
  const textId = `${ids}-text`;
  // Dragging would swallow text selection in the comment form, so an open thread pins the note.
  const draggable = permissions.move && !threadOpen;

  // The editor stays open if the step moves on mid-edit, so the words are not snatched away;
  // it then says why saving has to wait.
  if (mode === 'edit') {
    return (
      <article className="note note--editing">
        <NoteEditor idea={idea} settings={settings} canSave={permissions.edit} onDone={() => setMode('view')} />
      </article>
    );
  }

  const author = idea.authorName ?? t('board.anonymous');
  const about = [
    idea.contributorType ? t(`taxonomy.contributorType.${idea.contributorType}`) : null,
    idea.organisation,
  ].filter(Boolean);

  return (
    <article
      id={noteElementId(idea.id)}
      className={`note${idea.track ? ` note--${idea.track}` : ''}${merge?.selected ? ' note--selected' : ''}`}
      aria-labelledby={textId}
      draggable={draggable}
      onDragStart={draggable ? (e) => props.onDragStart(e, idea) : undefined}
      onDragEnd={props.onDragEnd}
      data-idea={idea.id}
    >
      {merge ? (
        <label className="note__select check">
          <input type="checkbox" checked={merge.selected} aria-describedby={textId} onChange={(e) => merge.onToggle(e.target.checked)} />
          {t('merge.select')}
        </label>
      ) : null}
      {total !== null || cluster ? (
        <div className="note__head">
          {total !== null ? (
            <p className="note__total" data-total={total}>
              {t('voting.total', { count: total })}
            </p>
          ) : null}
          {cluster ? <ClusterTag name={cluster} /> : null}
        </div>
      ) : null}
      <IdeaStatusBadge ideaId={idea.id} />
      <p id={textId} className="note__text">
        {idea.text}
      </p>
      <p className="note__author">
        {t('idea.by', { name: author })}
        {about.length > 0 ? <span className="note__about"> · {about.join(' · ')}</span> : null}
      </p>
      <IdeaStatusDetails ideaId={idea.id} />
      <NoteOutcome ideaId={idea.id} />
      {moderated ? <Revisions ideaId={idea.id} ideaText={idea.text} /> : null}
      {history ? <MergeHistory history={history} /> : null}
      <NoteTags idea={idea} grouping={cluster === undefined ? grouping : null} settings={settings} />
      {editors.length > 0 ? (
        <p className="note__editing">{t('idea.editing', { name: editors.map((name) => name ?? t('board.anonymous')).join(', ') })}</p>
      ) : null}
      {permissions.vote ? <VoteControls idea={idea} describedBy={textId} /> : null}
      {/* One row under the text: reactions, comments, and "⋯" with everything else. */}
      <div className="note__foot">
        <NoteSocial idea={idea} textId={textId} threadOpen={threadOpen} onToggleThread={setThreadOpen} />
        <NoteActions
          ideaId={idea.id}
          textId={textId}
          permissions={permissions}
          moveOptions={props.moveOptions}
          clusterOptions={props.clusterOptions}
          hasClusterOptions={props.hasClusterOptions}
          confirming={mode === 'confirm-delete'}
          onEdit={() => setMode('edit')}
          onAskDelete={() => setMode('confirm-delete')}
          onCancelDelete={() => setMode('view')}
          onDelete={() => props.onDelete(idea)}
          report={reportable ? <ReportButton target={{ kind: 'idea', id: idea.id }} excerpt={idea.text} describedBy={textId} /> : undefined}
          moderation={facilitator ? <ModerateMenu idea={idea} describedBy={textId} /> : undefined}
        />
      </div>
    </article>
  );
}
